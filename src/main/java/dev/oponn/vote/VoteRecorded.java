package dev.oponn.vote;

import dev.oponn.ballot.BallotId;

/**
 * Published after a vote is committed. Carries no option and no device: listeners (live results) re-read the
 * tally, which is the truth, rather than trusting a delta.
 */
public record VoteRecorded(BallotId ballotId, boolean newOption) {}
