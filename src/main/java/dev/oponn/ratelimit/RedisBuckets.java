package dev.oponn.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
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
 */
final class RedisBuckets implements Buckets, AutoCloseable {

    private final StatefulRedisConnection<String, byte[]> connection;
    private final ProxyManager<String> buckets;
    private final String prefix;

    RedisBuckets(LettuceConnectionFactory redis, String prefix) {
        if (!(redis.getRequiredNativeClient() instanceof RedisClient client)) {
            throw new IllegalStateException("rate limits need a standalone Redis (OPONN_REDIS_URL=redis://host:port)");
        }
        this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .requestTimeout(Duration.ofSeconds(1))
                .build();
        this.prefix = prefix;
    }

    @Override
    public ConsumptionProbe take(String key, BucketConfiguration configuration) {
        return buckets.getProxy(prefix + key, () -> configuration).tryConsumeAndReturnRemaining(1);
    }

    @Override
    public void close() {
        connection.close();
    }
}
