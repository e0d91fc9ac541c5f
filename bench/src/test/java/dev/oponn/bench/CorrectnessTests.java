package dev.oponn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorrectnessTests {

    private static VoteLedger ledger(String ballot, int option, int acked, int unknown) {
        VoteLedger ledger = new VoteLedger();
        for (int i = 0; i < acked; i++) {
            ledger.acknowledged(ballot, option);
        }
        for (int i = 0; i < unknown; i++) {
            ledger.unknownOutcome(ballot, option);
        }
        return ledger;
    }

    @Test
    void everyAcknowledgedVoteCommittedOnceIsCorrect() {
        Correctness.Verdict verdict =
                Correctness.compare(List.of("b"), ledger("b", 1, 3, 0), Map.of("b", Map.of(1, 3L)), Map.of("b", 3L));

        assertThat(verdict.lost()).isZero();
        assertThat(verdict.duplicates()).isZero();
        assertThat(verdict.voterRowMismatches()).isZero();
    }

    @Test
    void anAcknowledgedVoteMissingFromTheTallyIsLost() {
        Correctness.Verdict verdict =
                Correctness.compare(List.of("b"), ledger("b", 1, 3, 0), Map.of("b", Map.of(1, 2L)), Map.of("b", 2L));

        assertThat(verdict.lost()).isEqualTo(1);
    }

    @Test
    void aVoteCountedForTheWrongOptionIsBothLostAndDuplicated() {
        Correctness.Verdict verdict = Correctness.compare(
                List.of("b"), ledger("b", 1, 2, 0), Map.of("b", Map.of(1, 1L, 2, 1L)), Map.of("b", 2L));

        assertThat(verdict.lost()).isEqualTo(1);
        assertThat(verdict.duplicates()).isEqualTo(1);
    }

    @Test
    void votesWithoutAnAnswerMayOrMayNotHaveCountedButNoMore() {
        VoteLedger ledger = ledger("b", 1, 2, 2);

        assertThat(Correctness.compare(List.of("b"), ledger, Map.of("b", Map.of(1, 3L)), Map.of("b", 3L))
                        .duplicates())
                .isZero();
        assertThat(Correctness.compare(List.of("b"), ledger, Map.of("b", Map.of(1, 5L)), Map.of("b", 5L))
                        .duplicates())
                .isEqualTo(1);
    }

    @Test
    void voterRowsMustEqualTheTally() {
        Correctness.Verdict verdict =
                Correctness.compare(List.of("b"), ledger("b", 1, 3, 0), Map.of("b", Map.of(1, 3L)), Map.of("b", 4L));

        assertThat(verdict.voterRowMismatches()).isEqualTo(1);
    }

    @Test
    void aBallotWithNoRowsAtAllLosesEveryAcknowledgedVote() {
        Correctness.Verdict verdict = Correctness.compare(List.of("b"), ledger("b", 2, 4, 0), Map.of(), Map.of());

        assertThat(verdict.lost()).isEqualTo(4);
        assertThat(verdict.details()).containsEntry("acknowledged", 4L);
    }
}
