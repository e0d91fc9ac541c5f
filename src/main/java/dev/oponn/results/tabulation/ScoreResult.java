package dev.oponn.results.tabulation;

import java.util.List;
import java.util.Optional;

/**
 * A score count: per option the stars summed over all ballots, their average (unscored counts as 0) and how many
 * ballots gave it at least one star; then the STAR runoff between the two highest totals.
 */
public record ScoreResult(long ballots, List<OptionScore> options, Optional<StarRunoff> runoff) {

    public ScoreResult {
        options = List.copyOf(options);
    }

    public record OptionScore(int option, long totalStars, double averageStars, long scoredBy) {}

    /**
     * The runoff: each ballot goes to the finalist it scored higher, or to neither when it scored them equally.
     * No winner when the two get the same number of ballots: a tie, reported as such. {@code finalistsByTieBreak}
     * says whether the second finalist had to be picked by the ballot-id order among equal totals.
     */
    public record StarRunoff(
            int first,
            int second,
            long preferFirst,
            long preferSecond,
            long equal,
            Optional<Integer> winner,
            boolean finalistsByTieBreak) {}
}
