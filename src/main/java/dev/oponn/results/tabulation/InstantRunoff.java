package dev.oponn.results.tabulation;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Single-winner instant runoff. Each round, every continuing ballot counts for its highest-ranked continuing option;
 * an option with more than half of the continuing ballots wins; otherwise the option with the fewest votes is
 * eliminated and its ballots move to their next continuing choice, or are exhausted. A tie for elimination goes to
 * the fewest votes in the previous round, then the one before, back to the first; a tie that survives all of them
 * goes to the {@link TieBreakOrder}.
 *
 * <p>The count walks the distinct rankings with their counts, never single ballots, so its cost grows with the
 * number of different rankings, not with the number of voters.
 */
public final class InstantRunoff {

    private InstantRunoff() {}

    /**
     * How to count. Oponn's own contests use {@link #of(TieBreakOrder)}; batch elimination and options dropped
     * first exist so that RCTab's test cases (Minneapolis and Maine rules, undeclared write-ins) can be counted
     * exactly as RCTab counts them.
     *
     * @param batchElimination eliminate at once every option of the lowest group whose combined votes are fewer
     *     than the votes of the next option above it (RCTab's rule: used only when it removes more than one)
     * @param droppedFirst options eliminated in the first round, all at once, if they hold any vote and nobody won
     */
    public record Rules(TieBreakOrder tieBreakOrder, boolean batchElimination, Set<Integer> droppedFirst) {

        public Rules {
            droppedFirst = Set.copyOf(droppedFirst);
        }

        public static Rules of(TieBreakOrder tieBreakOrder) {
            return new Rules(tieBreakOrder, false, Set.of());
        }

        public Rules withBatchElimination() {
            return new Rules(tieBreakOrder, true, droppedFirst);
        }

        public Rules droppingFirst(Set<Integer> options) {
            return new Rules(tieBreakOrder, batchElimination, options);
        }
    }

    /**
     * Counts {@code ballots} (distinct ranking to the number of ballots with it) over {@code options}. The map is
     * read twice, so it must not change during the count: pass a snapshot, not a live view.
     *
     * @throws IllegalArgumentException when a ranking names an option that is not in {@code options}, or a count
     *     is negative
     */
    public static InstantRunoffResult tabulate(List<Integer> options, Map<Ranking, Long> ballots, Rules rules) {
        return new RunoffCount(options, ballots, rules).run();
    }
}
