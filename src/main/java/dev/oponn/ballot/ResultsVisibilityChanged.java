package dev.oponn.ballot;

/**
 * The owner changed who may see a ballot's counts. Published after the change is committed and this instance's
 * catalog holds the new ballot; live relays it to the other instances and re-renders what every viewer sees.
 */
public record ResultsVisibilityChanged(BallotId ballotId) {}
