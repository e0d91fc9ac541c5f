package dev.oponn.vote;

import dev.oponn.ballot.BallotId;
import dev.oponn.ballot.BallotPage;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A ballot's page is its vote page, {@code /vote/{id}} ({@link VoteController}). */
@Component
class VotePage implements BallotPage {

    static final String PREFIX = "/vote/";

    @Override
    public String pathOf(BallotId ballot) {
        return PREFIX + ballot.value();
    }

    @Override
    public Optional<BallotId> ballotAt(String requestPath) {
        return requestPath.startsWith(PREFIX)
                ? BallotId.parse(requestPath.substring(PREFIX.length()))
                : Optional.empty();
    }
}
