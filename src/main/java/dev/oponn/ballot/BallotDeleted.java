package dev.oponn.ballot;

/**
 * A ballot was destroyed: its data key and its rows are gone. Features that keep per-ballot state (live
 * subscribers, caches on other instances) drop it when they hear this.
 */
public record BallotDeleted(BallotId ballotId) {}
