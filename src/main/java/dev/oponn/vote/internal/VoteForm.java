package dev.oponn.vote.internal;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.VotingMethod;
import dev.oponn.web.FieldErrors;
import dev.oponn.web.HiddenCharacters;
import dev.oponn.web.Text;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The vote form as posted. Single choice posts one {@code option_id}, an option's number or {@value #WRITE_IN};
 * the other methods post what {@link MarkedForm} reads: several {@code option_id} ({@code picked}), the
 * {@code rank_{optionId}} or {@code score_{optionId}} fields ({@code marks}, by field name), or a {@code ranking}.
 */
public record VoteForm(
        @Nullable String optionId,
        @Nullable String writeInValue,
        List<String> picked,
        Map<String, String> marks,
        @Nullable String ranking) {

    public static final String WRITE_IN = "__write_in__";
    static final int WRITE_IN_MAX = 64;

    public VoteForm {
        picked = List.copyOf(picked);
        marks = Map.copyOf(marks);
    }

    /** Single choice: what the hot path builds, nothing more. */
    public VoteForm(@Nullable String optionId, @Nullable String writeInValue) {
        this(optionId, writeInValue, List.of(), Map.of(), null);
    }

    public static VoteForm blank() {
        return new VoteForm(null, null);
    }

    public boolean selected(String value) {
        return value.equals(optionId);
    }

    /** A checkbox of multiple choice: whether the form posted it. */
    public boolean picked(String value) {
        return picked.contains(value);
    }

    /** The posted value of a {@code rank_…} or {@code score_…} field, blank when absent. */
    public String mark(String field) {
        return marks.getOrDefault(field, "");
    }

    public String writeInText() {
        return writeInValue == null ? "" : writeInValue;
    }

    public Optional<VoteChoice> validate(Ballot ballot, FieldErrors errors) {
        if (ballot.votingMethod() != VotingMethod.SINGLE) {
            return MarkedForm.choice(this, ballot, errors).flatMap(choice -> ChoiceRules.check(ballot, choice, errors));
        }
        if (WRITE_IN.equals(optionId)) {
            return writeIn(ballot, errors);
        }
        try {
            int id = Integer.parseInt(optionId == null ? "" : optionId.strip());
            if (ballot.option(id).isPresent()) {
                return Optional.of(new VoteChoice.Existing(id));
            }
        } catch (NumberFormatException e) {
            // Not a number: the same answer as a number that names no option.
        }
        errors.reject("option_id", Text.of("vote.option_invalid"));
        return Optional.empty();
    }

    private Optional<VoteChoice> writeIn(Ballot ballot, FieldErrors errors) {
        if (!ballot.allowWriteIn()) {
            errors.reject("option_id", Text.of("vote.write_in_not_allowed"));
            return Optional.empty();
        }
        String text = writeInText().strip();
        Text problem = writeInProblem(text);
        if (problem != null) {
            errors.reject("write_in_value", problem);
        }
        return errors.any() ? Optional.empty() : Optional.of(new VoteChoice.WriteIn(text));
    }

    /** What is wrong with a write-in's (stripped) text, or null when nothing is. */
    static @Nullable Text writeInProblem(String text) {
        if (text.isEmpty()) {
            return Text.of("vote.write_in_required");
        } else if (text.codePointCount(0, text.length()) > WRITE_IN_MAX) {
            return Text.of("vote.write_in_too_long");
        } else if (HiddenCharacters.in(text)) {
            return Text.of("vote.write_in_bad_characters");
        }
        return null;
    }

    /** A number this instance may simply not know yet: another instance may have just added it as a write-in. */
    public boolean namesUnknownOption(Ballot ballot) {
        if (ballot.votingMethod() != VotingMethod.SINGLE) {
            return MarkedForm.namesUnknownOption(this, ballot);
        }
        return unknown(optionId, ballot);
    }

    static boolean unknown(@Nullable String optionId, Ballot ballot) {
        try {
            int id = Integer.parseInt(optionId == null ? "" : optionId.strip());
            return id > 0 && ballot.option(id).isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
