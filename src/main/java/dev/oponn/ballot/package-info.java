/**
 * Ballots: creating them, their options and their status in time. A ballot's definition never changes
 * except for write-ins appended as new options, so {@link dev.oponn.ballot.BallotCatalog} caches it and the vote
 * path never re-reads it. The owner may change who sees the counts ({@link dev.oponn.ballot.ResultsVisibility}):
 * the catalog is then refreshed here and, through live, on every instance.
 *
 * <p>Tables: {@code ballot}, {@code ballot_option}; other features read only the {@code ballot_window} view (the
 * voting window, for the vote statement's clock check, and the per-address cap); {@code TableOwnershipTests}
 * enforces it. Public surface, for the other features: the model
 * ({@link dev.oponn.ballot.Ballot}, {@link dev.oponn.ballot.BallotId}, {@link dev.oponn.ballot.BallotOption},
 * {@link dev.oponn.ballot.BallotStatus}, {@link dev.oponn.ballot.BallotDraft}, how labels compare
 * ({@link dev.oponn.ballot.OptionLabels#normalize})), {@link dev.oponn.ballot.BallotCatalog} to read ballots,
 * {@link dev.oponn.ballot.BallotService} to create and delete them, {@link dev.oponn.ballot.BallotCreation} (the
 * create form's rules, for the page and programs: {@link dev.oponn.ballot.NewBallotRequest},
 * {@link dev.oponn.ballot.CreatedBallot}), {@link dev.oponn.ballot.OwnerControls} (the manage page's controls, for
 * the page and programs), {@link dev.oponn.ballot.BallotOptions} to append
 * a write-in inside the caller's transaction, the events {@link dev.oponn.ballot.BallotDeleted} and
 * {@link dev.oponn.ballot.BallotChanged}, {@link dev.oponn.ballot.BallotOwners} (is this requester the
 * owner), and the {@link dev.oponn.ballot.BallotPage} and {@link dev.oponn.ballot.OwnerResults} that other features
 * (vote, results) provide. {@code internal} holds what only this
 * feature's templates need.
 */
@NullMarked
package dev.oponn.ballot;

import org.jspecify.annotations.NullMarked;
