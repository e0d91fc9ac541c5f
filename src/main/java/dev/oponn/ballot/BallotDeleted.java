package dev.oponn.ballot;

/**
 * A ballot was destroyed: its data key is gone and its rows are being deleted. Published inside the deleting
 * transaction: a synchronous listener that deletes its own rows of the ballot (vote's voters and counters) commits
 * or rolls back with the ballot's; a listener that drops state held in memory (live streams) listens after the
 * commit ({@code @TransactionalEventListener}).
 */
public record BallotDeleted(BallotId ballotId) {}
