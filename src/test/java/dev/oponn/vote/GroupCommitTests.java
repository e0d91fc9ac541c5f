package dev.oponn.vote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.ballot.BallotDraft;
import dev.oponn.ballot.BallotId;
import dev.oponn.ballot.BallotService;
import dev.oponn.ballot.VotingMethod;
import dev.oponn.support.OponnTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One transaction for many votes, and each vote still answered by its own outcome. */
@OponnTest
class GroupCommitTests {

    @Autowired
    VoteWriter writer;

    @Autowired
    BallotService ballots;

    @Autowired
    JdbcClient jdbc;

    @Test
    void batchAnswersEachVoteWithItsOwnOutcome() {
        BallotId ballot = newBallot();
        List<VoteWriter.PendingVote> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(vote(ballot, "voter-" + i, 1 + i % 2));
        }
        batch.add(vote(ballot, "voter-3", 2)); // the same voter again within the batch

        writer.write(batch);

        assertThat(batch.subList(0, 10))
                .allSatisfy(v -> assertThat(v.outcome().join()).isTrue());
        assertThat(batch.get(10).outcome().join()).isFalse();
        assertThat(total(ballot)).isEqualTo(10);
    }

    @Test
    void oneFailingVoteDoesNotSinkTheRestOfItsBatch() {
        BallotId ballot = newBallot();
        List<VoteWriter.PendingVote> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(vote(ballot, "good-" + i, 1));
        }
        VoteWriter.PendingVote broken = vote(ballot, "broken", 99); // no such option: the foreign key refuses it
        batch.add(broken);

        writer.write(batch);

        assertThat(batch.subList(0, 5))
                .allSatisfy(v -> assertThat(v.outcome().join()).isTrue());
        assertThat(broken.outcome()).isCompletedExceptionally();
        Throwable failure = broken.outcome().handle((ok, e) -> e).join();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            assertThat(cause.getMessage())
                    .as("what the failure would put in a log names no ballot")
                    .doesNotContain(ballot.value());
        }
        assertThat(total(ballot)).isEqualTo(5);
        assertThat(jdbc.sql("SELECT count(*) FROM ballot_voter WHERE ballot_id = :id")
                        .param("id", ballot.value())
                        .query(Long.class)
                        .single())
                .as("the refused vote left no voter row behind")
                .isEqualTo(5);
    }

    @Test
    void oneBatchCountsSingleChoiceSeveralOptionsAndBallotContentsEachWithItsOwnOutcome() {
        BallotId single = newBallot();
        BallotId multiple = newBallot(VotingMethod.MULTIPLE, 2);
        BallotId ranked = newBallot(VotingMethod.RANKED, null);
        List<VoteWriter.PendingVote> batch = new ArrayList<>(List.of(
                vote(single, "s", 1),
                pending(multiple, "m", VoteWriter.Kind.OPTIONS, "{1,2}"),
                pending(ranked, "r1", VoteWriter.Kind.CONTENT, "2,1"),
                pending(ranked, "r2", VoteWriter.Kind.CONTENT, "2,1"),
                pending(ranked, "r1", VoteWriter.Kind.CONTENT, "1")));

        writer.write(batch);

        assertThat(batch.subList(0, 2))
                .allSatisfy(v -> assertThat(v.outcome().join()).isTrue());
        assertThat(batch.get(3).outcome().join()).isTrue();
        assertThat(batch.get(2).outcome().join() ^ batch.get(4).outcome().join())
                .as("the voter who ranked twice within the batch counted once")
                .isTrue();
        assertThat(total(single)).isEqualTo(1);
        assertThat(total(multiple)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT coalesce(sum(votes), 0) FROM tally_content WHERE ballot_id = :id")
                        .param("id", ranked.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    private BallotId newBallot(VotingMethod method, Integer maxChoices) {
        Instant now = Instant.now();
        return ballots.create(new BallotDraft("Batch", List.of("a", "b"), false, now.minusSeconds(60), null)
                        .withMethod(method, maxChoices))
                .id();
    }

    private static VoteWriter.PendingVote pending(BallotId ballot, String voter, VoteWriter.Kind kind, String marks) {
        return new VoteWriter.PendingVote(
                ballot, voter.getBytes(), kind, 0, marks, voter.hashCode() & 15, null, new CompletableFuture<>());
    }

    private BallotId newBallot() {
        Instant now = Instant.now();
        return ballots.create(new BallotDraft("Batch", List.of("a", "b"), false, now.minusSeconds(60), null))
                .id();
    }

    private static VoteWriter.PendingVote vote(BallotId ballot, String voter, int option) {
        return new VoteWriter.PendingVote(
                ballot,
                voter.getBytes(),
                VoteWriter.Kind.OPTION,
                option,
                "",
                voter.hashCode() & 15,
                null,
                new CompletableFuture<>());
    }

    private long total(BallotId ballot) {
        return jdbc.sql("SELECT coalesce(sum(votes), 0) FROM tally_shard WHERE ballot_id = :id")
                .param("id", ballot.value())
                .query(Long.class)
                .single();
    }
}
