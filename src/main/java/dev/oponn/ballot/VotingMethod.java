package dev.oponn.ballot;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a ballot is marked and counted. Chosen at creation and never changed, so every stored count of a ballot was
 * cast the same way.
 */
public enum VotingMethod {
    /** One option per voter; counts per option. */
    SINGLE("pick one option"),
    /** Up to the ballot's {@link Ballot#maxChoices()} options; counts per option and the share of voters. */
    MULTIPLE("pick up to max_choices options"),
    /** Any number of options (multiple choice without a limit). */
    APPROVAL("approve any number of options"),
    /** Options ordered best first; counted by instant runoff, with Schulze beside it. */
    RANKED("rank options, best first: instant runoff and Condorcet"),
    /** Zero to five stars per option; averages and the STAR runoff. */
    SCORE("0 to 5 stars per option: averages and STAR runoff");

    private final String hint;

    VotingMethod(String hint) {
        this.hint = hint;
    }

    /** The form and column value: {@code single}, {@code multiple}, {@code approval}, {@code ranked}, {@code score}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String hint() {
        return hint;
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
