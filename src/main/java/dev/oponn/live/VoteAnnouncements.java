package dev.oponn.live;

import dev.oponn.ballot.BallotId;

/**
 * Tells every instance that a ballot's tally changed. In process when Oponn runs alone; over Redis pub/sub when
 * {@code OPONN_REDIS_URL} is set. Either way the message carries only the ballot and the commit time, never a
 * count: receivers re-read the tally from PostgreSQL, the only truth.
 */
interface VoteAnnouncements {

    void announce(BallotId ballot, long committedAtMillis);
}
