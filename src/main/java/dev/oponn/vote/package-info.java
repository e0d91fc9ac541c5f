/**
 * Casting votes. A device proves itself with a signed token cookie; the database, not the browser, enforces one
 * vote per device per ballot and refuses votes outside the voting window, in one short statement. Listeners
 * learn of each recorded vote through {@link dev.oponn.vote.VoteRecorded}.
 */
@NullMarked
package dev.oponn.vote;

import org.jspecify.annotations.NullMarked;
