package dev.oponn.ballot;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A ballot that passed validation and has no id yet. */
public record BallotDraft(
        String measure,
        List<String> options,
        boolean allowWriteIn,
        Instant startsAt,
        @Nullable Instant endsAt,
        VoteDefences defences,
        ResultsVisibility resultsVisibility) {

    public BallotDraft {
        options = List.copyOf(options);
    }

    public BallotDraft(
            String measure, List<String> options, boolean allowWriteIn, Instant startsAt, @Nullable Instant endsAt) {
        this(measure, options, allowWriteIn, startsAt, endsAt, VoteDefences.NONE);
    }

    /** A draft whose counts are live, as every ballot's were before issue 12. */
    public BallotDraft(
            String measure,
            List<String> options,
            boolean allowWriteIn,
            Instant startsAt,
            @Nullable Instant endsAt,
            VoteDefences defences) {
        this(measure, options, allowWriteIn, startsAt, endsAt, defences, ResultsVisibility.LIVE);
    }
}
