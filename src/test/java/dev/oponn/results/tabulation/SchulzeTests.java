package dev.oponn.results.tabulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchulzeTests {

    static final int A = 1, B = 2, C = 3, D = 4, E = 5;

    /** The 45 voters of the example in Schulze's method's literature (Wikipedia, "Schulze method"). */
    static Map<Ranking, Long> fortyFiveVoters() {
        Map<Ranking, Long> ballots = new HashMap<>();
        ballots.put(Ranking.of(A, C, B, E, D), 5L);
        ballots.put(Ranking.of(A, D, E, C, B), 5L);
        ballots.put(Ranking.of(B, E, D, A, C), 8L);
        ballots.put(Ranking.of(C, A, B, E, D), 3L);
        ballots.put(Ranking.of(C, A, E, B, D), 7L);
        ballots.put(Ranking.of(C, B, A, D, E), 2L);
        ballots.put(Ranking.of(D, C, E, B, A), 7L);
        ballots.put(Ranking.of(E, B, A, D, C), 8L);
        return ballots;
    }

    @Test
    void theFortyFiveVoterExampleRanksEThenAThenCThenBThenD() {
        var result = Schulze.tabulate(List.of(A, B, C, D, E), fortyFiveVoters());

        assertThat(result.pairwise()).isEqualTo(new long[][] {
            {0, 20, 26, 30, 22},
            {25, 0, 16, 33, 18},
            {19, 29, 0, 17, 24},
            {15, 12, 28, 0, 14},
            {23, 27, 21, 31, 0}
        });
        assertThat(result.ranking()).containsExactly(List.of(E), List.of(A), List.of(C), List.of(B), List.of(D));
        assertThat(result.winners()).containsExactly(E);
        assertThat(result.condorcetWinner()).isEmpty();
    }

    @Test
    void aCondorcetCycleHasNoCondorcetWinnerButStillASchulzeOrder() {
        // A beats B 6-3, B beats C 7-2, C beats A 5-4.
        var ballots = Map.of(Ranking.of(A, B, C), 4L, Ranking.of(B, C, A), 3L, Ranking.of(C, A, B), 2L);

        var result = Schulze.tabulate(List.of(A, B, C), ballots);

        assertThat(result.preferring(A, B)).isEqualTo(6);
        assertThat(result.preferring(B, C)).isEqualTo(7);
        assertThat(result.preferring(C, A)).isEqualTo(5);
        assertThat(result.condorcetWinner()).isEmpty();
        // The weakest link of the cycle (C over A, margin 1) is the one overruled.
        assertThat(result.ranking()).containsExactly(List.of(A), List.of(B), List.of(C));
    }

    @Test
    void aCondorcetWinnerIsNamedAndWinsSchulze() {
        var ballots = Map.of(Ranking.of(A, B), 8L, Ranking.of(C, B), 6L, Ranking.of(B, A), 5L);

        var result = Schulze.tabulate(List.of(A, B, C), ballots);

        assertThat(result.condorcetWinner()).hasValue(B);
        assertThat(result.winners()).containsExactly(B);
    }

    @Test
    void equalPathsAreReportedAsATie() {
        var ballots = Map.of(Ranking.of(A, B), 2L, Ranking.of(B, A), 2L, Ranking.of(C), 1L);

        var result = Schulze.tabulate(List.of(A, B, C), ballots);

        assertThat(result.ranking()).containsExactly(List.of(A, B), List.of(C));
        assertThat(result.winners()).containsExactly(A, B);
        assertThat(result.condorcetWinner()).isEmpty();
    }

    @Test
    void anUnrankedOptionIsBelowEveryRankedOneAndTiedWithTheOtherUnranked() {
        var result = Schulze.tabulate(List.of(A, B, C), Map.of(Ranking.of(B), 3L));

        assertThat(result.preferring(B, A)).isEqualTo(3);
        assertThat(result.preferring(B, C)).isEqualTo(3);
        assertThat(result.preferring(A, C)).isZero();
        assertThat(result.preferring(C, A)).isZero();
        assertThat(result.ranking()).containsExactly(List.of(B), List.of(A, C));
    }

    @Test
    void noBallotsTieEveryOption() {
        var result = Schulze.tabulate(List.of(A, B, C), Map.of());

        assertThat(result.ranking()).containsExactly(List.of(A, B, C));
        assertThat(result.condorcetWinner()).isEmpty();
    }

    @Test
    void theComparisonSaysWhenTheRunoffAndSchulzeDisagree() {
        // The centre squeeze: B beats both head to head but has the fewest first choices.
        var ballots = Map.of(Ranking.of(A, B), 8L, Ranking.of(C, B), 6L, Ranking.of(B, A), 5L);
        var options = List.of(A, B, C);

        var comparison = MethodComparison.of(
                InstantRunoff.tabulate(options, ballots, InstantRunoff.Rules.of(new TieBreakOrder(options))),
                Schulze.tabulate(options, ballots));

        assertThat(comparison.runoffWinner()).hasValue(A);
        assertThat(comparison.schulzeWinners()).containsExactly(B);
        assertThat(comparison.condorcetWinner()).hasValue(B);
        assertThat(comparison.agree()).isFalse();
    }

    @Test
    void theComparisonSaysWhenTheyAgreeWithoutACondorcetWinner() {
        var ballots = Map.of(Ranking.of(A, B, C), 4L, Ranking.of(B, C, A), 3L, Ranking.of(C, A, B), 2L);
        var options = List.of(A, B, C);

        var comparison = MethodComparison.of(
                InstantRunoff.tabulate(options, ballots, InstantRunoff.Rules.of(new TieBreakOrder(options))),
                Schulze.tabulate(options, ballots));

        assertThat(comparison.agree()).isTrue();
        assertThat(comparison.hasCondorcetWinner()).isFalse();
    }
}
