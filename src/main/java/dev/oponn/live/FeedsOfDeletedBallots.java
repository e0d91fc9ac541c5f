package dev.oponn.live;

import dev.oponn.ballot.BallotDeleted;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Ends this instance's streams of a ballot once its deletion has committed. */
@Component
class FeedsOfDeletedBallots {

    private final LiveResults live;

    FeedsOfDeletedBallots(LiveResults live) {
        this.live = live;
    }

    @TransactionalEventListener
    void on(BallotDeleted deleted) {
        live.deleted(deleted.ballotId());
    }
}
