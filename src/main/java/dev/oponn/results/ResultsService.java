package dev.oponn.results;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotCatalog;
import dev.oponn.results.tabulation.Ranking;
import dev.oponn.results.tabulation.Scores;
import dev.oponn.vote.Tallies;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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
                Map<Ranking, Long> rankings = new HashMap<>();
                long[] seen = {0, 0};
                tallies.eachRanking(ballot.id(), (ranking, votes) -> {
                    rankings.merge(new Ranking(ranking), votes, Long::sum);
                    seen[0] += votes;
                    for (int option : ranking) {
                        seen[1] = Math.max(seen[1], option);
                    }
                });
                Ballot known = knowing(ballot, (int) seen[1]);
                yield Results.ofRanked(known, RankedResults.of(known, rankings), seen[0], now);
            }
            case SCORE -> {
                Map<Scores, Long> scores = new HashMap<>();
                int[] highest = {0};
                tallies.eachScores(ballot.id(), (stars, votes) -> {
                    scores.merge(new Scores(stars), votes, Long::sum);
                    stars.keySet().forEach(option -> highest[0] = Math.max(highest[0], option));
                });
                Ballot known = knowing(ballot, highest[0]);
                yield Results.ofScores(known, ScoreResults.of(known, scores), now);
            }
        };
    }

    /**
     * Option ids are handed out in order (write-ins take the next number), so a stored ranking or score vector that
     * names a higher id than this instance knows means a write-in it has not seen yet.
     */
    private Ballot knowing(Ballot ballot, int highestNamed) {
        int highestKnown =
                ballot.optionIds().stream().mapToInt(Integer::intValue).max().orElse(0);
        return highestNamed > highestKnown ? catalog.refresh(ballot.id()).orElse(ballot) : ballot;
    }

    private Ballot knowing(Ballot ballot, Set<Integer> counted) {
        if (counted.stream().anyMatch(id -> ballot.option(id).isEmpty())) {
            return catalog.refresh(ballot.id()).orElse(ballot);
        }
        return ballot;
    }
}
