package dev.oponn.ballot;

/**
 * How a ballot is marked. Only single choice exists today; the column and this type are where multiple and
 * ranked choice will go, so that the vote path branches here rather than being rewritten.
 */
public enum VotingMethod {
    SINGLE
}
