package dev.oponn.live;

import dev.oponn.ballot.BallotId;

/** One instance: the vote's own instance is the only one with viewers to tell. */
final class InProcessVoteAnnouncements implements VoteAnnouncements {

    private final LiveResults live;

    InProcessVoteAnnouncements(LiveResults live) {
        this.live = live;
    }

    @Override
    public void announce(BallotId ballot, long committedAtMillis) {
        live.changed(ballot, committedAtMillis);
    }
}
