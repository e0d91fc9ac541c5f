package dev.oponn.results;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotCatalog;
import dev.oponn.vote.Tallies;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;

@Service
public class ResultsService {

    private final Tallies tallies;
    private final BallotCatalog catalog;
    private final Clock clock;

    ResultsService(Tallies tallies, BallotCatalog catalog, Clock clock) {
        this.tallies = tallies;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The current tally. A count for an option this instance has not seen means a write-in arrived elsewhere. */
    public Results current(Ballot ballot) {
        Map<Integer, Long> counts = tallies.counts(ballot.id());
        Ballot known = ballot;
        if (counts.keySet().stream().anyMatch(id -> ballot.option(id).isEmpty())) {
            known = catalog.refresh(ballot.id()).orElse(ballot);
        }
        return Results.of(known, counts, clock.instant());
    }
}
