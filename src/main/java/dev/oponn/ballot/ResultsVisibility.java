package dev.oponn.ballot;

import dev.oponn.web.Text;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * When viewers other than the owner may see counts. Once a ballot has ended everyone sees them, whatever the
 * setting; the owner always does.
 */
public enum ResultsVisibility {
    /** Counts for everyone, as they change. */
    LIVE,
    /** A device sees counts only once it has voted on the ballot (or the ballot has ended). */
    AFTER_VOTE,
    /** Nobody but the owner sees counts until the ballot ends. */
    AFTER_CLOSE;

    /** The form and column value: {@code live}, {@code after_vote}, {@code after_close}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ResultsVisibility> parse(String value) {
        return Arrays.stream(values()).filter(v -> v.value().equals(value)).findFirst();
    }

    /** What the results page says while counts are hidden from someone. */
    public Text hiddenNotice() {
        return Text.of(this == AFTER_VOTE ? "results.hidden.after_vote" : "results.hidden.after_close");
    }

    /**
     * Whether a requester who is not the owner may see counts now.
     *
     * @param voted whether the requester's device has voted on the ballot; only asked for {@link #AFTER_VOTE}
     */
    public boolean showsCounts(boolean ended, java.util.function.BooleanSupplier voted) {
        return switch (this) {
            case LIVE -> true;
            case AFTER_CLOSE -> ended;
            case AFTER_VOTE -> ended || voted.getAsBoolean();
        };
    }
}
