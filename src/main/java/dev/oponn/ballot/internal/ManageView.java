package dev.oponn.ballot.internal;

import dev.oponn.ballot.Ballot;
import java.time.Instant;

/**
 * The manage page of a ballot, seen by its owner.
 *
 * @param owner how this person proved ownership, in words
 */
public record ManageView(String id, String measure, String status, String statusLine, String owner) {

    public static ManageView of(Ballot ballot, Instant now, String owner) {
        return new ManageView(
                ballot.id().value(), ballot.measure(), ballot.status(now).label(), ballot.statusLine(now), owner);
    }
}
