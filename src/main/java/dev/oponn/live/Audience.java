package dev.oponn.live;

import dev.oponn.vote.Voters.VoterKey;
import org.jspecify.annotations.Nullable;

/**
 * Who is watching, as far as the counts' visibility cares: the ballot's owner (counts whatever the setting), or a
 * device known by its voter key on this ballot and whether it had voted when it connected.
 */
record Audience(boolean owner, @Nullable VoterKey voter, boolean voted) {

    /** A viewer about whom nothing is known: shown counts only when everyone is. */
    static final Audience ANYONE = new Audience(false, null, false);

    static final Audience OWNER = new Audience(true, null, false);
}
