package dev.oponn.ballot.internal;

import dev.oponn.ballot.Ballot;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The manage page of a ballot, seen by its owner.
 *
 * @param owner how this person proved ownership, in words
 * @param perAddressCap the ballot's cap on votes per network, absent when off
 * @param voteChallenge whether votes need the proof of work
 * @param refusals votes each defence against vote stuffing refused, by reason
 */
public record ManageView(
        String id,
        String measure,
        String status,
        String statusLine,
        String owner,
        @Nullable Integer perAddressCap,
        boolean voteChallenge,
        Map<String, Long> refusals) {

    public static ManageView of(Ballot ballot, Instant now, String owner, Map<String, Long> refusals) {
        return new ManageView(
                ballot.id().value(),
                ballot.measure(),
                ballot.status(now).label(),
                ballot.statusLine(now),
                owner,
                ballot.defences().perAddressCap(),
                ballot.defences().challenge(),
                Map.copyOf(refusals));
    }

    public long refused(String reason) {
        return refusals.getOrDefault(reason, 0L);
    }
}
