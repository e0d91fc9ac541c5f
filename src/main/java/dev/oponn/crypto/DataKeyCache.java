package dev.oponn.crypto;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Unwrapped data keys, so that a vote or a write-in does not cost a KMS call. In process for a fixed
 * {@code oponn.key-cache.ttl} after the key was unwrapped (60 s by default, bounded in size); optionally also in
 * Redis ({@link RedisKeyTier}). Hits and misses per tier are counted as {@code oponn.key_cache}.
 */
final class DataKeyCache {

    static final String LOOKUPS = "oponn.key_cache";

    private final AsyncCache<String, DataKey> local;
    private final @Nullable RedisKeyTier redis;
    private final MeterRegistry meters;

    DataKeyCache(CryptoProperties.KeyCache settings, @Nullable RedisKeyTier redis, MeterRegistry meters) {
        this.local = Caffeine.newBuilder()
                .expireAfterWrite(settings.ttl())
                .maximumSize(settings.maxSize())
                .buildAsync();
        this.redis = redis;
        this.meters = meters;
    }

    /**
     * The cached key, or the one {@code unwrap} produces (then cached in both tiers). Concurrent misses for one
     * ballot wait for a single unwrap instead of each calling the KMS, and share its failure. The unwrap runs on
     * the caller's thread and holds no lock that other ballots' look-ups need.
     *
     * @param unwrap returns empty when the ballot has no key; may throw, and then nothing is cached
     */
    Optional<DataKey> get(String ballotId, Supplier<Optional<DataKey>> unwrap) {
        CompletableFuture<DataKey> mine = new CompletableFuture<>();
        CompletableFuture<DataKey> present = local.asMap().putIfAbsent(ballotId, mine);
        if (present != null) {
            count("local", true);
            return Optional.ofNullable(join(present));
        }
        count("local", false);
        try {
            // A null completion (no key) or a failure removes the entry again, so neither is cached.
            DataKey key = load(ballotId, unwrap).orElse(null);
            mine.complete(key);
            return Optional.ofNullable(key);
        } catch (RuntimeException e) {
            // Wrapped so that Caffeine, which logs every other failed load with its stack trace, stays quiet: the
            // caller that failed reports it, and the waiters get the same exception back from join().
            mine.completeExceptionally(new SharedFailure(e));
            throw e;
        }
    }

    /** A failed load as the waiters for it see it; a cancellation to Caffeine, which therefore does not log it. */
    private static final class SharedFailure extends CancellationException {

        private final RuntimeException failure;

        SharedFailure(RuntimeException failure) {
            super(failure.getClass().getSimpleName());
            this.failure = failure;
        }
    }

    private Optional<DataKey> load(String ballotId, Supplier<Optional<DataKey>> unwrap) {
        if (redis != null) {
            Optional<DataKey> shared = redis.get(ballotId);
            count("redis", shared.isPresent());
            if (shared.isPresent()) {
                return shared;
            }
        }
        Optional<DataKey> unwrapped = unwrap.get();
        if (redis != null) {
            unwrapped.ifPresent(key -> redis.put(ballotId, key));
        }
        return unwrapped;
    }

    private static @Nullable DataKey join(CompletableFuture<DataKey> future) {
        try {
            return future.join();
        } catch (CancellationException e) {
            // The JDK may rethrow a cancellation as a new one caused by the original.
            Throwable original = e instanceof SharedFailure ? e : e.getCause();
            if (original instanceof SharedFailure shared) {
                throw shared.failure;
            }
            throw e;
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    void put(String ballotId, DataKey key) {
        local.put(ballotId, CompletableFuture.completedFuture(key));
        if (redis != null) {
            redis.put(ballotId, key);
        }
    }

    void evict(String ballotId) {
        local.synchronous().invalidate(ballotId);
        if (redis != null) {
            redis.evict(ballotId);
        }
    }

    /** Only the in-process tier, as when another instance (or a restart) would look for the key. */
    void evictLocal(String ballotId) {
        local.synchronous().invalidate(ballotId);
    }

    /** Drops every unwrapped key when the application stops. */
    void clear() {
        local.synchronous().invalidateAll();
    }

    private void count(String tier, boolean hit) {
        Counter.builder(LOOKUPS)
                .description("Data-key cache look-ups by tier and result")
                .tag("tier", tier)
                .tag("result", hit ? "hit" : "miss")
                .register(meters)
                .increment();
    }
}
