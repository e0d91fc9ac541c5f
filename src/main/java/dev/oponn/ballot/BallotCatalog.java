package dev.oponn.ballot;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Ballot definitions by id, cached because they rarely change: the vote and results paths read them here, not
 * from the database. An owner's change ({@link BallotChanged}) or deletion evicts the entry on every instance
 * (live relays the events); a write-in option is added by {@link #refresh}; an instance that has
 * not seen another instance's write-in refreshes when it meets an option id it does not know. Its hits and misses
 * are {@code cache.gets{cache="ballots"}} (Micrometer's Caffeine binder).
 */
@Component
public class BallotCatalog {

    private final BallotRepository repository;
    private final Cache<BallotId, Ballot> cache;

    BallotCatalog(BallotRepository repository, MeterRegistry meters) {
        this.repository = repository;
        this.cache = Caffeine.newBuilder()
                .maximumSize(50_000)
                .expireAfterAccess(Duration.ofHours(1))
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, cache, "ballots");
    }

    /** Unknown ids are not cached: they cost one primary-key look-up each and cannot fill the cache. */
    public Optional<Ballot> find(BallotId id) {
        Ballot cached = cache.getIfPresent(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        // Loaded inside the cache's compute: an eviction that arrives meanwhile (an owner's change, announced by
        // another instance) waits for it and then removes what it loaded, so no stale copy outlives the notice.
        return Optional.ofNullable(cache.get(id, key -> repository.find(key).orElse(null)));
    }

    public Optional<Ballot> refresh(BallotId id) {
        cache.invalidate(id);
        return find(id);
    }

    /** Forgets the cached copy: the owner changed or deleted the ballot, here or on another instance. */
    public void evict(BallotId id) {
        cache.invalidate(id);
    }

    void put(Ballot ballot) {
        cache.put(ballot.id(), ballot);
    }
}
