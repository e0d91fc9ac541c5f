package dev.oponn.ballot;

import dev.oponn.web.Text;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a ballot is marked and counted. Chosen at creation and never changed, so every stored count of a ballot was
 * cast the same way.
 */
public enum VotingMethod {
    /** One option per voter; counts per option. */
    SINGLE,
    /** Up to the ballot's {@link Ballot#maxChoices()} options; counts per option and the share of voters. */
    MULTIPLE,
    /** Any number of options (multiple choice without a limit). */
    APPROVAL,
    /** Options ordered best first; counted by instant runoff, with Schulze beside it. */
    RANKED,
    /** Zero to five stars per option; averages and the STAR runoff. */
    SCORE;

    /** The form and column value: {@code single}, {@code multiple}, {@code approval}, {@code ranked}, {@code score}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the create form says of it, by message key ({@code method.hint.ranked}). */
    public Text hint() {
        return Text.of("method.hint." + value());
    }

    public static Optional<VotingMethod> parse(String value) {
        return Arrays.stream(values()).filter(v -> v.value().equals(value)).findFirst();
    }

    /** Each voter may mark several options, each counted once on its own counter. */
    public boolean picksSeveral() {
        return this == MULTIPLE || this == APPROVAL;
    }

    /** Stored as one count per distinct ballot content (a ranking or a score vector), not per option. */
    public boolean storesContent() {
        return this == RANKED || this == SCORE;
    }
}
