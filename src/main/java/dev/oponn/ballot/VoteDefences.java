package dev.oponn.ballot;

import dev.oponn.web.FieldErrors;
import dev.oponn.web.Text;
import java.util.Optional;
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

    /** The highest per-address cap a form or the API accepts. */
    public static final int PER_ADDRESS_CAP_MAX = 1_000_000;

    /** The form field (and API property) that holds the cap, and under which a bad one is refused. */
    public static final String CAP_FIELD = "per_address_cap";

    public VoteDefences {
        if (perAddressCap != null && perAddressCap < 1) {
            throw new IllegalArgumentException("a per-address cap is at least 1");
        }
    }

    /**
     * A cap as typed, by the create form's rules (the manage page and the API use the same): blank is no cap,
     * anything else a whole number from 1 to {@link #PER_ADDRESS_CAP_MAX}. Empty both for blank and for refused;
     * a refusal is in {@code errors} under {@link #CAP_FIELD}.
     */
    public static Optional<Integer> parseCap(String typed, FieldErrors errors) {
        String raw = typed.strip();
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            int cap = Integer.parseInt(raw);
            if (cap >= 1 && cap <= PER_ADDRESS_CAP_MAX) {
                return Optional.of(cap);
            }
        } catch (NumberFormatException e) {
            // The same answer as a number out of range.
        }
        refuseCap(errors);
        return Optional.empty();
    }

    /** The one refusal of a cap, whatever was wrong with it (or that it was missing where it must be given). */
    public static void refuseCap(FieldErrors errors) {
        errors.reject(CAP_FIELD, Text.of("create.cap_invalid", String.valueOf(PER_ADDRESS_CAP_MAX)));
    }

    public boolean capped() {
        return perAddressCap != null;
    }
}
