package dev.oponn.results.tabulation;

import java.util.List;
import java.util.Optional;

/**
 * The Schulze count: {@code pairwise[i][j]} is the number of ballots that rank {@code options.get(i)} above
 * {@code options.get(j)}; {@code strongestPaths[i][j]} the strength (in margins) of the strongest path from i to j.
 * {@code ranking} lists tiers, best first; options in one tier are tied. The Condorcet winner, when there is one,
 * beats every other option head to head. The arrays are the count's own (records compare them by identity): read,
 * never write.
 */
public record SchulzeResult(
        List<Integer> options,
        long[][] pairwise,
        long[][] strongestPaths,
        List<List<Integer>> ranking,
        Optional<Integer> condorcetWinner) {

    public SchulzeResult {
        options = List.copyOf(options);
        ranking = ranking.stream().map(List::copyOf).toList();
    }

    /** The options of the first tier: one unless the best are tied (none without options). */
    public List<Integer> winners() {
        return ranking.isEmpty() ? List.of() : ranking.getFirst();
    }

    /** Ballots that rank {@code preferred} above {@code other}. */
    public long preferring(int preferred, int other) {
        return pairwise[options.indexOf(preferred)][options.indexOf(other)];
    }
}
