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
        WhoMayVote whoMayVote,
        ResultsVisibility resultsVisibility) {

    public BallotDraft {
        options = List.copyOf(options);
    }

    /** A draft anyone may vote on, whose counts are live, as every ballot's were before the owner's choices. */
    public BallotDraft(
            String measure,
            List<String> options,
            boolean allowWriteIn,
            Instant startsAt,
            @Nullable Instant endsAt,
            VoteDefences defences) {
        this(measure, options, allowWriteIn, startsAt, endsAt, defences, WhoMayVote.ANYONE, ResultsVisibility.LIVE);
    }

    /** A draft whose counts are live. */
    public BallotDraft(
            String measure,
            List<String> options,
            boolean allowWriteIn,
            Instant startsAt,
            @Nullable Instant endsAt,
            VoteDefences defences,
            WhoMayVote whoMayVote) {
        this(measure, options, allowWriteIn, startsAt, endsAt, defences, whoMayVote, ResultsVisibility.LIVE);
    }

    /** A draft anyone may vote on. */
    public BallotDraft(
            String measure,
            List<String> options,
            boolean allowWriteIn,
            Instant startsAt,
            @Nullable Instant endsAt,
            VoteDefences defences,
            ResultsVisibility resultsVisibility) {
        this(measure, options, allowWriteIn, startsAt, endsAt, defences, WhoMayVote.ANYONE, resultsVisibility);
    }

    public BallotDraft withWhoMayVote(WhoMayVote who) {
        return new BallotDraft(measure, options, allowWriteIn, startsAt, endsAt, defences, who, resultsVisibility);
    }

    public BallotDraft(
            String measure, List<String> options, boolean allowWriteIn, Instant startsAt, @Nullable Instant endsAt) {
        this(measure, options, allowWriteIn, startsAt, endsAt, VoteDefences.NONE);
    }
}
