package dev.oponn.vote.internal;

import dev.oponn.ballot.Ballot;
import dev.oponn.web.FieldErrors;
import dev.oponn.web.Text;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The vote form as posted; {@code option_id} is an option's number or {@value #WRITE_IN}. */
public record VoteForm(@Nullable String optionId, @Nullable String writeInValue) {

    public static final String WRITE_IN = "__write_in__";
    static final int WRITE_IN_MAX = 64;

    public static VoteForm blank() {
        return new VoteForm(null, null);
    }

    public boolean selected(String value) {
        return value.equals(optionId);
    }

    public String writeInText() {
        return writeInValue == null ? "" : writeInValue;
    }

    public Optional<VoteChoice> validate(Ballot ballot, FieldErrors errors) {
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
        if (text.isEmpty()) {
            errors.reject("write_in_value", Text.of("vote.write_in_required"));
        } else if (text.codePointCount(0, text.length()) > WRITE_IN_MAX) {
            errors.reject("write_in_value", Text.of("vote.write_in_too_long"));
        } else if (text.codePoints().anyMatch(VoteForm::controlOrDirection)) {
            errors.reject("write_in_value", Text.of("vote.write_in_bad_characters"));
        }
        return errors.any() ? Optional.empty() : Optional.of(new VoteChoice.WriteIn(text));
    }

    /**
     * Characters that would let a write-in hide or reorder what others read on the results page: controls (Cc)
     * and the bidirectional marks, embeddings, overrides and isolates.
     */
    static boolean controlOrDirection(int c) {
        return Character.getType(c) == Character.CONTROL
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200E
                || c == 0x200F
                || c == 0x061C;
    }

    /** A number this instance may simply not know yet: another instance may have just added it as a write-in. */
    public boolean namesUnknownOption(Ballot ballot) {
        try {
            int id = Integer.parseInt(optionId == null ? "" : optionId.strip());
            return id > 0 && ballot.option(id).isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
