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

    public BallotDraft withWhoMayVote(WhoMayVote who) {
        return new BallotDraft(measure, options, allowWriteIn, startsAt, endsAt, defences, who, resultsVisibility);
    }

    /** A draft without the owner's choices: no defences, anyone may vote, live counts. */
    public BallotDraft(
            String measure, List<String> options, boolean allowWriteIn, Instant startsAt, @Nullable Instant endsAt) {
        this(
                measure,
                options,
                allowWriteIn,
                startsAt,
                endsAt,
                VoteDefences.NONE,
                WhoMayVote.ANYONE,
                ResultsVisibility.LIVE);
    }
}
