package dev.oponn.vote.internal;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotStatus;
import dev.oponn.web.FieldErrors;
import dev.oponn.web.Text;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
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

    /** The ranks a select offers: 1 to the number of options (a write-in counting as one more). */
    public List<Integer> rankChoices() {
        int rankable = ballot.options().size() + (ballot.allowWriteIn() ? 1 : 0);
        return IntStream.rangeClosed(1, rankable).boxed().toList();
    }

    public List<Integer> starChoices() {
        return IntStream.rangeClosed(0, ChoiceRules.MAX_STARS).boxed().toList();
    }

    /** What the voter is asked to do, above the options. */
    public Text instructions() {
        return Text.of("vote.instructions." + ballot.votingMethod().value(), String.valueOf(ballot.maxChoices()));
    }
}
