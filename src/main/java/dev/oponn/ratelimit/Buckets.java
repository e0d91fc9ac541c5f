package dev.oponn.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Where token buckets live: in this process, or in Redis where every instance sees the same ones. */
interface Buckets {

    /** Takes one token from the bucket named {@code key}, creating it full with {@code configuration} if new. */
    ConsumptionProbe take(String key, BucketConfiguration configuration);
}
