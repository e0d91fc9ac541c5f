package dev.oponn.ballot;

import org.jspecify.annotations.Nullable;

/** A new ballot and, for a guest's ballot, the manage key that the creator sees once. */
record CreatedBallot(Ballot ballot, @Nullable ManageKey manageKey) {}
