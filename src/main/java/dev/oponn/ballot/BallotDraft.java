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
        ResultsVisibility resultsVisibility,
        VotingMethod votingMethod,
        @Nullable Integer maxChoices) {

    public BallotDraft {
        options = List.copyOf(options);
        if ((maxChoices != null) != (votingMethod == VotingMethod.MULTIPLE)) {
            throw new IllegalArgumentException("max choices belong to multiple choice, and only to it");
        }
    }

    public BallotDraft withWhoMayVote(WhoMayVote who) {
        return new BallotDraft(
                measure,
                options,
                allowWriteIn,
                startsAt,
                endsAt,
                defences,
                who,
                resultsVisibility,
                votingMethod,
                maxChoices);
    }

    /** The same draft marked and counted by {@code method} ({@code maxChoices} only for multiple choice). */
    public BallotDraft withMethod(VotingMethod method, @Nullable Integer maxChoices) {
        return new BallotDraft(
                measure,
                options,
                allowWriteIn,
                startsAt,
                endsAt,
                defences,
                whoMayVote,
                resultsVisibility,
                method,
                maxChoices);
    }

    /** A draft without the owner's choices: no defences, anyone may vote, live counts, single choice. */
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
                ResultsVisibility.LIVE,
                VotingMethod.SINGLE,
                null);
    }
}
