package dev.oponn.live;

import dev.oponn.ballot.BallotChanged;
import dev.oponn.ballot.BallotDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What owners do to ballots, as the live streams must show it: a change restates this instance's streams of the
 * ballot, a deletion (once committed) ends them with the {@code deleted} event; either is then relayed to the other
 * instances ({@link BallotNotices}), which do the same after evicting their catalog entry.
 */
@Component
class FeedsOfDeletedBallots {

    private final LiveResults live;
    private final BallotNotices notices;

    FeedsOfDeletedBallots(LiveResults live, BallotNotices notices) {
        this.live = live;
        this.notices = notices;
    }

    @TransactionalEventListener
    void on(BallotDeleted deleted) {
        live.deleted(deleted.ballotId());
        notices.tellOthers(deleted.ballotId(), BallotNotices.DELETED);
    }

    /** Published after the change committed (a single statement), on the owner's request thread. */
    @EventListener
    void on(BallotChanged changed) {
        live.ballotChanged(changed.ballotId(), changed.kind());
        notices.tellOthers(changed.ballotId(), changed.kind().verb());
    }
}
