/**
 * Live results: {@code GET /ballots/{id}/live-results}, a Server-Sent Events stream of the results panel. A
 * committed vote marks its ballot changed (in process, and on Redis for the other instances); each instance then
 * re-reads the tally from PostgreSQL, renders the panel once, and hands the same bytes to every viewer of that
 * ballot, at most once per coalescing interval. Writes never block: each viewer keeps only the newest frame it
 * has not yet taken, and a viewer whose socket stops accepting bytes is dropped. PostgreSQL stays the truth, so
 * whenever Redis may have lost messages every watched ballot is re-read.
 *
 * <p>A viewer from whom the counts are hidden (results visibility) gets a hidden panel whose {@code id:} never grows
 * with votes; the owner's manage page listens on {@code /manage/{id}/live-results} (or with the guest's key).
 *
 * <p>No tables. Public surface: {@link dev.oponn.live.ResultsStreams}, which opens a stream in either form (the
 * panel's HTML, or the public API's JSON), both served from the same feeds. It listens to {@link dev.oponn.vote.VoteRecorded},
 * {@link dev.oponn.ballot.BallotDeleted} (a deleted ballot's streams end) and
 * {@link dev.oponn.ballot.BallotChanged} (relayed to every instance), and serves its routes.
 */
@NullMarked
package dev.oponn.live;

import org.jspecify.annotations.NullMarked;
