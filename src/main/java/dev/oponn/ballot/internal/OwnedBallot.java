package dev.oponn.ballot.internal;

import dev.oponn.ballot.Ballot;
import dev.oponn.web.Text;
import java.time.Instant;

/** One line of the signed-in dashboard. */
public record OwnedBallot(String id, String measure, String status, Text statusLine) {

    public static OwnedBallot of(Ballot ballot, Instant now) {
        return new OwnedBallot(
                ballot.id().value(), ballot.measure(), ballot.status(now).label(), ballot.statusLine(now));
    }
}
