package dev.oponn.ballot;

import java.util.Locale;
import java.util.Optional;

/** Who may vote on a ballot, the owner's choice: one vote per device, or one per signed-in account. */
public enum WhoMayVote {
    ANYONE,
    SIGNED_IN;

    /** The form's and the database's word for it. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<WhoMayVote> parse(String value) {
        for (WhoMayVote who : values()) {
            if (who.value().equals(value)) {
                return Optional.of(who);
            }
        }
        return Optional.empty();
    }
}
