package dev.oponn.ballot;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Ballot definitions by id, cached because they do not change: the vote and results paths read them here, not
 * from the database. The one change, a write-in option, is added by {@link #refresh}; an instance that has
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
        Optional<Ballot> loaded = repository.find(id);
        loaded.ifPresent(b -> cache.put(id, b));
        return loaded;
    }

    public Optional<Ballot> refresh(BallotId id) {
        cache.invalidate(id);
        return find(id);
    }

    void evict(BallotId id) {
        cache.invalidate(id);
    }

    void put(Ballot ballot) {
        cache.put(ballot.id(), ballot);
    }
}
