/**
 * Live results: {@code GET /ballots/{id}/live-results}, a Server-Sent Events stream of the results panel. A
 * committed vote marks its ballot changed (in process, and on Redis for the other instances); each instance then
 * re-reads the tally from PostgreSQL, renders the panel once, and hands the same bytes to every viewer of that
 * ballot, at most once per coalescing interval. Writes never block: each viewer keeps only the newest frame it
 * has not yet taken, and a viewer whose socket stops accepting bytes is dropped. PostgreSQL stays the truth, so
 * whenever Redis may have lost messages every watched ballot is re-read.
 *
 * <p>No tables, and nothing public: it listens to {@link dev.oponn.vote.VoteRecorded} and
 * {@link dev.oponn.ballot.BallotDeleted} (a deleted ballot's streams end) and serves its route.
 */
@NullMarked
package dev.oponn.live;

import org.jspecify.annotations.NullMarked;
