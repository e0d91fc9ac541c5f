package dev.oponn.live;

import dev.oponn.ballot.BallotId;

/**
 * Tells the other instances that an owner changed or deleted a ballot, so that they drop their cached copy and
 * restate or end their streams of it. In process (nothing to tell) when Oponn runs alone; over Redis pub/sub when
 * {@code OPONN_REDIS_URL} is set. A notice carries the ballot's id and the kind of change only, never text or counts.
 */
interface BallotNotices {

    /** The kind that ends a ballot's streams; the others restate them. */
    String DELETED = "deleted";

    void tellOthers(BallotId ballot, String kind);
}
