package dev.oponn.results.tabulation;

import static dev.oponn.results.tabulation.InstantRunoffResult.EXHAUSTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.oponn.results.tabulation.InstantRunoffResult.Decision;
import dev.oponn.results.tabulation.InstantRunoffResult.Round;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InstantRunoffTests {

    static final int A = 1, B = 2, C = 3, D = 4;
    static final List<Integer> OPTIONS = List.of(A, B, C, D);
    static final InstantRunoff.Rules RULES = InstantRunoff.Rules.of(new TieBreakOrder(List.of(D, C, B, A)));

    @Test
    void anOptionWithMoreThanHalfOfTheFirstChoicesWinsInRoundOne() {
        var result = count(Map.of(Ranking.of(A, B), 3L, Ranking.of(B), 2L));

        assertThat(result.winner()).hasValue(A);
        assertThat(result.rounds()).hasSize(1);
        Round only = result.rounds().getFirst();
        assertThat(only.tally())
                .containsExactly(Map.entry(A, 3L), Map.entry(B, 2L), Map.entry(C, 0L), Map.entry(D, 0L));
        assertThat(only.continuing()).isEqualTo(5);
        assertThat(only.threshold()).isEqualTo(3);
        assertThat(only.decision()).isEqualTo(Decision.ELECTED);
        assertThat(only.eliminated()).isEmpty();
    }

    @Test
    void exactlyHalfIsNotAMajority() {
        var result = count(Map.of(Ranking.of(A), 2L, Ranking.of(B, A), 1L, Ranking.of(C, B), 1L));

        Round first = result.rounds().getFirst();
        assertThat(first.threshold()).isEqualTo(3);
        assertThat(first.decision()).isNotEqualTo(Decision.ELECTED);
    }

    @Test
    void theFewestIsEliminatedAndItsBallotsMoveToTheirNextContinuingChoice() {
        var result = count(Map.of(
                Ranking.of(A), 4L,
                Ranking.of(B), 3L,
                Ranking.of(C, D, B), 2L,
                Ranking.of(D, A), 1L));

        Round first = result.rounds().get(0);
        assertThat(first.eliminated()).containsExactly(D);
        assertThat(first.decision()).isEqualTo(Decision.FEWEST_VOTES);
        assertThat(first.transfers()).isEqualTo(Map.of(D, Map.of(A, 1L)));
        Round second = result.rounds().get(1);
        assertThat(second.tally()).containsExactly(Map.entry(A, 5L), Map.entry(B, 3L), Map.entry(C, 2L));
        // C's ballots skip D, already eliminated, and go to B.
        assertThat(second.eliminated()).containsExactly(C);
        assertThat(second.transfers()).isEqualTo(Map.of(C, Map.of(B, 2L)));
        Round third = result.rounds().get(2);
        assertThat(third.tally()).containsExactly(Map.entry(A, 5L), Map.entry(B, 5L));
        assertThat(result.rounds()).hasSize(4);
    }

    @Test
    void ballotsWithNoContinuingChoiceAreExhaustedAndTheThresholdFollowsTheContinuingBallots() {
        var result = count(Map.of(Ranking.of(A), 4L, Ranking.of(B), 3L, Ranking.of(C), 2L, Ranking.of(), 1L));

        Round first = result.rounds().get(0);
        assertThat(first.continuing()).isEqualTo(9);
        assertThat(first.exhaustedTotal()).isEqualTo(1);
        assertThat(first.eliminated()).containsExactly(D);
        Round second = result.rounds().get(1);
        assertThat(second.eliminated()).containsExactly(C);
        assertThat(second.transfers()).isEqualTo(Map.of(C, Map.of(EXHAUSTED, 2L)));
        Round third = result.rounds().get(2);
        assertThat(third.exhaustedTotal()).isEqualTo(3);
        assertThat(third.continuing()).isEqualTo(7);
        assertThat(third.threshold()).isEqualTo(4);
        assertThat(third.decision()).isEqualTo(Decision.ELECTED);
        assertThat(result.winner()).hasValue(A);
    }

    @Test
    void anEliminationTieGoesToTheFewestVotesInThePreviousRound() {
        var result = count(Map.of(
                Ranking.of(A), 10L,
                Ranking.of(B), 5L,
                Ranking.of(C, B), 4L,
                Ranking.of(D, C, B), 1L));

        Round second = result.rounds().get(1);
        assertThat(second.tally()).containsEntry(B, 5L).containsEntry(C, 5L);
        assertThat(second.eliminated()).containsExactly(C);
        assertThat(second.decision()).isEqualTo(Decision.EARLIER_ROUND);
        // Round 3 ties A and B at 10; B had 5 in round 2, A 10.
        Round third = result.rounds().get(2);
        assertThat(third.eliminated()).containsExactly(B);
        assertThat(third.decision()).isEqualTo(Decision.EARLIER_ROUND);
    }

    @Test
    void earlierRoundsAreSearchedBackToTheFirst() {
        var result = count(Map.of(
                Ranking.of(A), 5L,
                Ranking.of(B, A), 2L,
                Ranking.of(B, C), 2L,
                Ranking.of(C), 3L,
                Ranking.of(D, C), 2L));

        // Round 1: A 5, B 4, C 3, D 2. Round 2: A 5, B 4, C 5. Round 3: A 7, C 7, equal in round 2 as well;
        // round 1 decides (C had 3).
        Round third = result.rounds().get(2);
        assertThat(third.tally()).containsExactly(Map.entry(A, 7L), Map.entry(C, 7L));
        assertThat(third.eliminated()).containsExactly(C);
        assertThat(third.decision()).isEqualTo(Decision.EARLIER_ROUND);
        assertThat(result.winner()).hasValue(A);
    }

    @Test
    void aTieThatSurvivesEveryEarlierRoundGoesToTheBallotIdOrder() {
        var result = count(Map.of(Ranking.of(A), 3L, Ranking.of(B, A), 2L, Ranking.of(C, B), 2L));

        Round first = result.rounds().getFirst();
        // D (no votes) goes first; then B and C tie at 2 in round 2 and in round 1; C precedes B in the order.
        assertThat(first.eliminated()).containsExactly(D);
        Round second = result.rounds().get(1);
        assertThat(second.decision()).isEqualTo(Decision.TIE_BREAK_ORDER);
        assertThat(second.eliminated()).containsExactly(C);
        assertThat(result.tieBreakOrder().order()).containsExactly(D, C, B, A);
        assertThat(result.winner()).hasValue(B);
    }

    @Test
    void theBallotIdOrderDecidesTheSameWayOnEveryCount() {
        var order = TieBreakOrder.fromBallotId("b-7f3a", OPTIONS);
        var ballots = Map.of(Ranking.of(A), 1L, Ranking.of(B), 1L, Ranking.of(C), 1L, Ranking.of(D), 1L);

        var once = InstantRunoff.tabulate(OPTIONS, ballots, InstantRunoff.Rules.of(order));
        var again = InstantRunoff.tabulate(OPTIONS, new LinkedHashMap<>(ballots), InstantRunoff.Rules.of(order));

        assertThat(once).isEqualTo(again);
        assertThat(once.rounds().getFirst().eliminated())
                .containsExactly(order.order().getFirst());
    }

    @Test
    void batchEliminationRemovesEveryOptionThatCannotOvertakeTheNext() {
        var rules = RULES.withBatchElimination();
        var result = InstantRunoff.tabulate(
                OPTIONS,
                Map.of(Ranking.of(A), 6L, Ranking.of(B), 5L, Ranking.of(C, B), 2L, Ranking.of(D, B), 1L),
                rules);

        Round first = result.rounds().getFirst();
        assertThat(first.decision()).isEqualTo(Decision.BATCH);
        assertThat(first.eliminated()).containsExactly(C, D);
        assertThat(first.transfers()).isEqualTo(Map.of(C, Map.of(B, 2L), D, Map.of(B, 1L)));
        assertThat(result.winner()).hasValue(B);
    }

    @Test
    void optionsDroppedFirstGoInRoundOneWhateverTheirVotes() {
        var rules = RULES.droppingFirst(Set.of(A));
        var result = InstantRunoff.tabulate(
                OPTIONS, Map.of(Ranking.of(A, C), 4L, Ranking.of(B), 3L, Ranking.of(C), 2L), rules);

        assertThat(result.rounds().getFirst().eliminated()).containsExactly(A);
        assertThat(result.rounds().getFirst().decision()).isEqualTo(Decision.DROPPED_FIRST);
        assertThat(result.winner()).hasValue(C);
    }

    @Test
    void noBallotsMeanOneRoundOfZerosAndNoWinner() {
        var result = count(Map.of());

        assertThat(result.winner()).isEmpty();
        assertThat(result.rounds()).singleElement().satisfies(round -> {
            assertThat(round.decision()).isEqualTo(Decision.NOTHING_TO_COUNT);
            assertThat(round.tally())
                    .containsOnlyKeys(OPTIONS)
                    .allSatisfy((option, votes) -> assertThat(votes).isZero());
        });
    }

    @Test
    void whenEveryBallotIsExhaustedNobodyWins() {
        var result = count(Map.of(Ranking.of(), 3L));

        assertThat(result.winner()).isEmpty();
        assertThat(result.rounds().getFirst().exhaustedTotal()).isEqualTo(3);
    }

    @Test
    void rejectsARankingWithAnOptionNotOnTheBallot() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> count(Map.of(Ranking.of(A, 9), 1L)))
                .withMessageContaining("option 9");
    }

    @Test
    void aRankingNamesEachOptionOnce() {
        assertThatIllegalArgumentException().isThrownBy(() -> Ranking.of(A, B, A));
    }

    static InstantRunoffResult count(Map<Ranking, Long> ballots) {
        return InstantRunoff.tabulate(OPTIONS, ballots, RULES);
    }
}
