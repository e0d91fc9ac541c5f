package dev.oponn.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a client may go on. With Redis the shared buckets decide; if Redis fails, this instance's own
 * buckets stand in until it answers again, so an outage loosens the limit to one per instance instead of either
 * refusing everyone or letting everyone through. After a failure Redis is not asked again for
 * {@link #SHARED_RETRY_INTERVAL}: each request that asks a Redis that is away waits out the client's 2 s timeout,
 * and the fault suite ({@code faults/}, Redis stopped) saw votes fall from 75 to 3 a second while every one did.
 */
final class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    static final Duration SHARED_RETRY_INTERVAL = Duration.ofSeconds(5);

    private final LocalBuckets local;
    private final @Nullable Buckets shared;
    private final Map<LimitedAction, BucketConfiguration> limits = new EnumMap<>(LimitedAction.class);
    private final Map<LimitedAction, Counter> refusals = new EnumMap<>(LimitedAction.class);
    private final AtomicBoolean sharedFailing = new AtomicBoolean();
    private final AtomicLong sharedRetryAt = new AtomicLong();

    RateLimiter(RateLimitProperties properties, LocalBuckets local, @Nullable Buckets shared, MeterRegistry meters) {
        this.local = local;
        this.shared = shared;
        for (LimitedAction action : LimitedAction.values()) {
            RateLimitProperties.Limit limit = properties.limit(action);
            limits.put(
                    action,
                    BucketConfiguration.builder()
                            .addLimit(Bandwidth.builder()
                                    .capacity(limit.capacity())
                                    .refillGreedy(limit.capacity(), limit.refillPeriod())
                                    .build())
                            .build());
            refusals.put(
                    action,
                    Counter.builder("oponn.rate.limit.refusals")
                            .description("Requests refused with 429 because a client went over a rate limit")
                            .tag("limit", action.tag())
                            .register(meters));
        }
    }

    /** @return empty when the client may go on, else how long it should wait */
    Optional<Duration> check(LimitedAction action, String client) {
        String key = action.tag() + ":" + client;
        ConsumptionProbe probe = take(key, limits.get(action));
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        refusals.get(action).increment();
        log.atDebug()
                .setMessage("rate_limit.refused")
                .addKeyValue("limit", action.tag())
                .log();
        return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private ConsumptionProbe take(String key, BucketConfiguration configuration) {
        if (shared == null || (sharedFailing.get() && System.nanoTime() - sharedRetryAt.get() < 0)) {
            return local.take(key, configuration);
        }
        try {
            ConsumptionProbe probe = shared.take(key, configuration);
            if (sharedFailing.compareAndSet(true, false)) {
                log.atInfo().setMessage("rate_limit.redis_recovered").log();
            }
            return probe;
        } catch (RuntimeException e) {
            sharedRetryAt.set(System.nanoTime() + SHARED_RETRY_INTERVAL.toNanos());
            if (sharedFailing.compareAndSet(false, true)) {
                log.atWarn()
                        .setMessage("rate_limit.redis_failed")
                        .addKeyValue("error", e.getClass().getSimpleName())
                        .log();
            }
            return local.take(key, configuration);
        }
    }
}
