package dev.oponn.vote.internal;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotStatus;
import dev.oponn.web.FieldErrors;
import dev.oponn.web.Text;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Everything the vote page and its form fragment show.
 *
 * @param challenge the proof of work the form must carry, on a ballot that asks for one
 */
public record VoteView(
        Ballot ballot,
        BallotStatus status,
        Text statusLine,
        boolean alreadyVoted,
        VoteForm form,
        FieldErrors errors,
        @Nullable VoteChallenge challenge) {

    public static VoteView of(
            Ballot ballot,
            Instant now,
            boolean alreadyVoted,
            VoteForm form,
            FieldErrors errors,
            @Nullable VoteChallenge challenge) {
        return new VoteView(ballot, ballot.status(now), ballot.statusLine(now), alreadyVoted, form, errors, challenge);
    }

    /** Absent without a challenge, so the template leaves the attribute out. */
    public @Nullable String challengeSalt() {
        return challenge == null ? null : challenge.salt();
    }

    public @Nullable String challengeTarget() {
        return challenge == null ? null : challenge.target();
    }

    public boolean open() {
        return status == BallotStatus.ACTIVE && !alreadyVoted;
    }
}
