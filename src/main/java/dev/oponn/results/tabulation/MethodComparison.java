package dev.oponn.results.tabulation;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the results page says beside the runoff winner: whether Schulze agrees and whether a Condorcet winner
 * exists. They agree only when Schulze has exactly one winner and it is the runoff's.
 */
public record MethodComparison(
        OptionalInt runoffWinner, List<Integer> schulzeWinners, Optional<Integer> condorcetWinner, boolean agree) {

    public MethodComparison {
        schulzeWinners = List.copyOf(schulzeWinners);
    }

    public static MethodComparison of(InstantRunoffResult runoff, SchulzeResult schulze) {
        List<Integer> schulzeWinners = schulze.winners();
        boolean agree = runoff.winner().isPresent()
                && schulzeWinners.size() == 1
                && schulzeWinners.getFirst() == runoff.winner().getAsInt();
        return new MethodComparison(runoff.winner(), schulzeWinners, schulze.condorcetWinner(), agree);
    }

    public boolean hasCondorcetWinner() {
        return condorcetWinner.isPresent();
    }
}
