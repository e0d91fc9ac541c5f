/**
 * Casting votes. A device proves itself with a signed token cookie; the database, not the browser, enforces one
 * vote per device per ballot and refuses votes outside the voting window, in one short statement. Listeners
 * learn of each recorded vote through {@link dev.oponn.vote.VoteRecorded}.
 *
 * <p>Tables: {@code ballot_voter}, {@code tally_shard} and {@code tally_content} (ranked and score ballots: one
 * count per distinct content), deleted with their ballot when
 * {@link dev.oponn.ballot.BallotDeleted} is heard. Public surface: {@link dev.oponn.vote.VoteRecorded}, and
 * {@link dev.oponn.vote.Tallies}, the one read of the counters (for results), and {@link dev.oponn.vote.Voters},
 * whether a request's device has voted (for results visibility). It provides the ballot feature's
 * {@link dev.oponn.ballot.BallotPage}: a ballot's page is its vote page. {@link dev.oponn.vote.ProgramVoting} and
 * {@link dev.oponn.vote.VoteCommand} are the same vote path for programs (the public API), a device header for the
 * cookie. {@code internal} holds what only this
 * feature's templates need (the vote page's view and form).
 */
@NullMarked
package dev.oponn.vote;

import org.jspecify.annotations.NullMarked;
