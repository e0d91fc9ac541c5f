package dev.oponn.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Buckets in Redis, updated by compare-and-swap, so that a client meets one limit however its requests are spread
 * over instances. It opens one connection of its own on the application's Lettuce client (sharing its threads) and
 * closes it with the context. A key expires once its bucket would be full again.
 *
 * <p>A whole classroom behind one address is one hot key, and compare-and-swap retries pile up when many requests
 * race for it. Each instance therefore keeps one batching proxy per key (Bucket4j's batching optimisation, which
 * only works when the same proxy object is reused): concurrent requests for a key on an instance go to Redis as
 * one update.
 */
final class RedisBuckets implements Buckets, AutoCloseable {

    private static final long MAX_HOT_KEYS = 100_000;

    private final StatefulRedisConnection<String, byte[]> connection;
    private final ProxyManager<String> buckets;
    private final Cache<String, Bucket> proxies;
    private final String prefix;

    RedisBuckets(LettuceConnectionFactory redis, String prefix, Duration longestPeriod) {
        if (!(redis.getRequiredNativeClient() instanceof RedisClient client)) {
            throw new IllegalStateException("rate limits need a standalone Redis (OPONN_REDIS_URL=redis://host:port)");
        }
        this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .requestTimeout(Duration.ofSeconds(2))
                .build();
        this.proxies = Caffeine.newBuilder()
                .maximumSize(MAX_HOT_KEYS)
                .expireAfterAccess(longestPeriod)
                .build();
        this.prefix = prefix;
    }

    @Override
    public ConsumptionProbe take(String key, BucketConfiguration configuration) {
        Bucket bucket = proxies.get(
                key,
                k -> buckets.builder()
                        .withOptimization(Optimizations.batching())
                        .build(prefix + k, () -> configuration));
        return bucket.tryConsumeAndReturnRemaining(1);
    }

    /** Lettuce may already have closed it when the connection factory stopped; closing twice only warns. */
    @Override
    public void close() {
        if (connection.isOpen()) {
            connection.close();
        }
    }
}
