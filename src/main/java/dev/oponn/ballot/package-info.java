/**
 * Ballots: creating them, their options and their status in time. A ballot's definition never changes
 * except for write-ins appended as new options, so {@link dev.oponn.ballot.BallotCatalog} caches it and the vote
 * path never re-reads it.
 */
@NullMarked
package dev.oponn.ballot;

import org.jspecify.annotations.NullMarked;
