package dev.oponn.vote.internal;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotStatus;
import dev.oponn.web.FieldErrors;
import java.time.Instant;

/** Everything the vote page and its form fragment show. */
public record VoteView(
        Ballot ballot,
        BallotStatus status,
        String statusLine,
        boolean alreadyVoted,
        VoteForm form,
        FieldErrors errors) {

    public static VoteView of(Ballot ballot, Instant now, boolean alreadyVoted, VoteForm form, FieldErrors errors) {
        return new VoteView(ballot, ballot.status(now), ballot.statusLine(now), alreadyVoted, form, errors);
    }

    public boolean open() {
        return status == BallotStatus.ACTIVE && !alreadyVoted;
    }
}
