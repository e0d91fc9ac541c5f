package dev.oponn.ballot;

import org.jspecify.annotations.Nullable;

/**
 * What the ballot's owner chose against vote stuffing.
 *
 * @param perAddressCap most votes one client network may cast on the ballot; absent means no cap (a classroom
 *     behind one address needs none)
 * @param challenge whether a vote needs the vote page's proof of work
 */
public record VoteDefences(@Nullable Integer perAddressCap, boolean challenge) {

    public static final VoteDefences NONE = new VoteDefences(null, false);

    public VoteDefences {
        if (perAddressCap != null && perAddressCap < 1) {
            throw new IllegalArgumentException("a per-address cap is at least 1");
        }
    }

    public boolean capped() {
        return perAddressCap != null;
    }
}
