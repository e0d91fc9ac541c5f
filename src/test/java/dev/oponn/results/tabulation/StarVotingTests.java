package dev.oponn.results.tabulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StarVotingTests {

    static final int A = 1, B = 2, C = 3;
    static final List<Integer> OPTIONS = List.of(A, B, C);
    static final TieBreakOrder ORDER = new TieBreakOrder(List.of(C, B, A));

    @Test
    void averagesCountUnscoredAsZeroAndTheRunoffCanOverturnTheHigherTotal() {
        var ballots = Map.of(new Scores(Map.of(A, 5)), 2L, new Scores(Map.of(A, 1, B, 2, C, 1)), 3L);

        var result = StarVoting.tabulate(OPTIONS, ballots, ORDER);

        assertThat(result.ballots()).isEqualTo(5);
        var a = result.options().get(0);
        assertThat(a.totalStars()).isEqualTo(13);
        assertThat(a.averageStars()).isEqualTo(2.6);
        assertThat(a.scoredBy()).isEqualTo(5);
        var b = result.options().get(1);
        assertThat(b.totalStars()).isEqualTo(6);
        assertThat(b.scoredBy()).isEqualTo(3);
        assertThat(result.runoff()).hasValueSatisfying(runoff -> {
            assertThat(runoff.first()).isEqualTo(A);
            assertThat(runoff.second()).isEqualTo(B);
            assertThat(runoff.preferFirst()).isEqualTo(2);
            assertThat(runoff.preferSecond()).isEqualTo(3);
            assertThat(runoff.winner()).hasValue(B);
            assertThat(runoff.finalistsByTieBreak()).isFalse();
        });
    }

    @Test
    void anEvenRunoffIsATie() {
        var ballots = Map.of(
                new Scores(Map.of(A, 5, B, 0)), 1L, new Scores(Map.of(B, 5)), 1L, new Scores(Map.of(A, 3, B, 3)), 1L);

        var runoff = StarVoting.tabulate(OPTIONS, ballots, ORDER).runoff().orElseThrow();

        assertThat(runoff.preferFirst()).isEqualTo(1);
        assertThat(runoff.preferSecond()).isEqualTo(1);
        assertThat(runoff.equal()).isEqualTo(1);
        assertThat(runoff.winner()).isEmpty();
    }

    @Test
    void equalTotalsAtTheCutAreBrokenByTheBallotIdOrder() {
        var ballots = Map.of(new Scores(Map.of(A, 4, B, 2, C, 2)), 1L);

        var runoff = StarVoting.tabulate(OPTIONS, ballots, ORDER).runoff().orElseThrow();

        // C comes first in the order, so C is the one left out.
        assertThat(runoff.first()).isEqualTo(A);
        assertThat(runoff.second()).isEqualTo(B);
        assertThat(runoff.finalistsByTieBreak()).isTrue();
    }

    @Test
    void noBallotsMeanNoRunoff() {
        var result = StarVoting.tabulate(OPTIONS, Map.of(), ORDER);

        assertThat(result.runoff()).isEmpty();
        assertThat(result.options())
                .allSatisfy(score -> assertThat(score.averageStars()).isZero());
    }

    @Test
    void aScoreIsZeroToFiveStars() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Scores(Map.of(A, 6)));
        assertThatIllegalArgumentException().isThrownBy(() -> new Scores(Map.of(A, -1)));
    }

    @Test
    void approvalCountsVotesAndTheShareOfVotersWhoPickedEachOption() {
        var result = Approval.tabulate(OPTIONS, Map.of(Set.of(A, B), 3L, Set.of(A), 1L));

        assertThat(result.voters()).isEqualTo(4);
        assertThat(result.options())
                .containsExactly(
                        new Approval.OptionVotes(A, 4, 1.0),
                        new Approval.OptionVotes(B, 3, 0.75),
                        new Approval.OptionVotes(C, 0, 0.0));
    }
}
