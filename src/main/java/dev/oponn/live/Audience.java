package dev.oponn.live;

import dev.oponn.ballot.WhoMayVote;
import dev.oponn.vote.Voters;
import dev.oponn.vote.Voters.VoterKey;
import org.jspecify.annotations.Nullable;

/**
 * Who is watching, as far as the counts' visibility cares: the ballot's owner (counts whatever the setting), or a
 * requester known by both keys it could vote under on this ballot (its device's and its account's), and whether it
 * had voted when it connected. Both keys are kept because the owner may change who may vote, or the visibility,
 * while the stream is open.
 */
record Audience(boolean owner, Voters.Keys keys, boolean voted) {

    /** A viewer about whom nothing is known: shown counts only when everyone is. */
    static final Audience ANYONE = new Audience(false, Voters.Keys.NONE, false);

    static final Audience OWNER = new Audience(true, Voters.Keys.NONE, false);

    @Nullable
    VoterKey voter(WhoMayVote whoMayVote) {
        return keys.under(whoMayVote);
    }
}
