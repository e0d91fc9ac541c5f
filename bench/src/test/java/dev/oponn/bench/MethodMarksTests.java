package dev.oponn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MethodMarksTests {

    private static final VoteBallot BALLOT = new VoteBallot("b", List.of(1, 2, 3, 4));

    @Test
    void aMultipleChoiceVotePicksTwoNeighboursAndIsBookedUnderBoth() {
        DevicePool.Marks marks = MethodMarks.multiple(BALLOT, 3, 0);

        assertThat(marks.fields()).containsExactly("option_id", "4", "option_id", "1");
        assertThat(marks.counted()).containsExactly(4, 1);
    }

    @Test
    void aRankedVotePostsEveryRankFieldAndItsStoredRankingReadsBackToItsKey() {
        DevicePool.Marks marks = MethodMarks.ranked(BALLOT, 1, 2);

        // start at option index (1 + 2) % 4 = 3, length 1 + 2 % 4 = 3: options 4, 1, 2
        assertThat(marks.fields()).containsExactly("rank_1", "2", "rank_2", "3", "rank_3", "", "rank_4", "1");
        assertThat(marks.counted()).containsExactly(303);
        assertThat(MethodMarks.rankingKey("4,1,2", BALLOT.options())).isEqualTo(303);
    }

    @Test
    void aStoredRankingNoVoteSendsHasNoKey() {
        assertThat(MethodMarks.rankingKey("4,2", BALLOT.options())).isEqualTo(-1);
        assertThat(MethodMarks.rankingKey("9", BALLOT.options())).isEqualTo(-1);
        assertThat(MethodMarks.rankedTally(Map.of("1,2", 3L, "2,3", 2L, "3,1", 1L), BALLOT.options()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(2, 3L, 102, 2L, -1, 1L));
    }

    @Test
    void theMethodsCorrectnessFailuresAddUp() {
        Report report = new Report();
        report.put("methods_lost_votes", 1L);
        report.put("methods_duplicate_votes", 2L);

        assertThat(Bench.methodsFailures(report)).isEqualTo(3);
        assertThat(Bench.methodsFailures(new Report())).isZero();
    }
}
