package dev.oponn.results;

import dev.oponn.account.SignedInUser;
import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotOwners;
import dev.oponn.ballot.BallotStatus;
import dev.oponn.ballot.ResultsVisibility;
import dev.oponn.vote.Voters;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Whether a requester may see a ballot's counts now: the one place every route that could show a count asks (the
 * results page and its fragment, the exports, the presenter view, the live stream). Live ballots and ended ones
 * cost nothing; otherwise the owner (signed in) always may, and under {@code after_vote} a device that voted.
 */
@Component
public class ResultsAccess {

    private final BallotOwners owners;
    private final Voters voters;
    private final Clock clock;

    ResultsAccess(BallotOwners owners, Voters voters, Clock clock) {
        this.owners = owners;
        this.voters = voters;
        this.clock = clock;
    }

    public boolean seesCounts(Ballot ballot, HttpServletRequest request) {
        if (visibleToAll(ballot)) {
            return true;
        }
        if (owners.ownedBy(ballot.id(), signedIn())) {
            return true;
        }
        return ballot.resultsVisibility() == ResultsVisibility.AFTER_VOTE
                && voters.of(ballot, request)
                        .map(key -> voters.hasVoted(ballot.id(), key))
                        .orElse(false);
    }

    /**
     * The same decision for a requester known by what it presented rather than by its cookies (the public API): the
     * owner always sees the counts; under {@code after_vote} a voter who has voted does.
     */
    public boolean seesCounts(Ballot ballot, boolean owner, Optional<Voters.VoterKey> voter) {
        if (visibleToAll(ballot) || owner) {
            return true;
        }
        return ballot.resultsVisibility() == ResultsVisibility.AFTER_VOTE
                && voter.map(key -> voters.hasVoted(ballot.id(), key)).orElse(false);
    }

    /** Counts for everyone: a live ballot, or one that has ended. */
    public boolean visibleToAll(Ballot ballot) {
        return ballot.resultsVisibility() == ResultsVisibility.LIVE
                || ballot.status(clock.instant()) == BallotStatus.ENDED;
    }

    /** The signed-in person behind the current request, if any. */
    public static @Nullable SignedInUser signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user ? user : null;
    }
}
