package dev.oponn.vote;

import dev.oponn.ballot.BallotDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A deleted ballot's voters and counters go with it. Synchronous, so it runs inside the transaction that deletes the
 * ballot and the rows of both features commit, or roll back, together.
 */
@Component
class VotesOfDeletedBallots {

    private final VoteRepository votes;

    VotesOfDeletedBallots(VoteRepository votes) {
        this.votes = votes;
    }

    @EventListener
    void on(BallotDeleted deleted) {
        votes.deleteAll(deleted.ballotId());
    }
}
