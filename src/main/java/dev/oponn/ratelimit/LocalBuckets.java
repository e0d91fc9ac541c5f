package dev.oponn.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Duration;

/**
 * Buckets in this process, bounded in number. A bucket untouched for a whole period has refilled completely, so
 * forgetting it then loses nothing; the size bound only matters under a flood of distinct addresses, where an
 * evicted bucket comes back full.
 */
final class LocalBuckets implements Buckets {

    private static final long MAX_CLIENTS = 100_000;

    private final Cache<String, Bucket> buckets;

    LocalBuckets(Duration longestPeriod) {
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MAX_CLIENTS)
                .expireAfterAccess(longestPeriod)
                .build();
    }

    @Override
    public ConsumptionProbe take(String key, BucketConfiguration configuration) {
        return buckets.get(key, k -> newBucket(configuration)).tryConsumeAndReturnRemaining(1);
    }

    private static Bucket newBucket(BucketConfiguration configuration) {
        LocalBucketBuilder bucket = Bucket.builder();
        for (Bandwidth limit : configuration.getBandwidths()) {
            bucket.addLimit(limit);
        }
        return bucket.build();
    }
}
