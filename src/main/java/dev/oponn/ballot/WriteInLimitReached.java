package dev.oponn.ballot;

/** A new write-in option would pass the most a ballot may have; thrown inside its transaction, which rolls back. */
public final class WriteInLimitReached extends RuntimeException {

    public WriteInLimitReached(BallotId ballot, int limit) {
        super("the ballot has its " + limit + " write-in options", null, false, false);
    }
}
