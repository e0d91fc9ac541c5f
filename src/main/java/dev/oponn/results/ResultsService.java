package dev.oponn.results;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotCatalog;
import dev.oponn.results.tabulation.Ranking;
import dev.oponn.results.tabulation.Scores;
import dev.oponn.vote.Tallies;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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

    /**
     * The current tally, counted by the ballot's method. A count for an option this instance has not seen means a
     * write-in arrived elsewhere: the ballot is read again first.
     */
    public Results current(Ballot ballot) {
        Instant now = clock.instant();
        return switch (ballot.votingMethod()) {
            case SINGLE -> {
                Map<Integer, Long> counts = tallies.counts(ballot.id());
                yield Results.of(knowing(ballot, counts.keySet()), counts, now);
            }
            case MULTIPLE, APPROVAL -> {
                Tallies.Picks picks = tallies.picks(ballot.id());
                yield Results.ofPicks(knowing(ballot, picks.counts().keySet()), picks.counts(), picks.voters(), now);
            }
            case RANKED -> {
                Map<List<Integer>, Long> stored = tallies.rankings(ballot.id());
                Map<Ranking, Long> rankings = new HashMap<>();
                stored.forEach((ranking, votes) -> rankings.put(new Ranking(ranking), votes));
                Ballot known = knowing(
                        ballot, stored.keySet().stream().flatMap(List::stream).collect(Collectors.toSet()));
                long ballots =
                        stored.values().stream().mapToLong(Long::longValue).sum();
                yield Results.ofRanked(known, RankedResults.of(known, rankings), ballots, now);
            }
            case SCORE -> {
                Map<Map<Integer, Integer>, Long> stored = tallies.scores(ballot.id());
                Map<Scores, Long> scores = new HashMap<>();
                stored.forEach((stars, votes) -> scores.put(new Scores(stars), votes));
                Ballot known = knowing(
                        ballot,
                        stored.keySet().stream()
                                .flatMap(s -> s.keySet().stream())
                                .collect(Collectors.toSet()));
                yield Results.ofScores(known, ScoreResults.of(known, scores), now);
            }
        };
    }

    private Ballot knowing(Ballot ballot, Set<Integer> counted) {
        if (counted.stream().anyMatch(id -> ballot.option(id).isEmpty())) {
            return catalog.refresh(ballot.id()).orElse(ballot);
        }
        return ballot;
    }
}
