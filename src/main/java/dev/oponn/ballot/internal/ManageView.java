package dev.oponn.ballot.internal;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotStatus;
import dev.oponn.web.FieldErrors;
import dev.oponn.web.Text;
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
 * @param controls where the owner controls post to: {@code /manage/{id}} signed in, {@code /manage/{id}/{key}}
 *     with a guest's manage link; each control's form posts to this plus its name
 * @param whoMayVote {@code anyone} or {@code signed_in}
 * @param errors why a control was refused: under {@code control} for the ballot's state, under the field's name
 *     for a bad value
 * @param typedCap the cap as the owner typed it, when it was refused: shown again for correcting
 */
public record ManageView(
        String id,
        String measure,
        String status,
        Text statusLine,
        Text owner,
        @Nullable Integer perAddressCap,
        boolean voteChallenge,
        Map<String, Long> refusals,
        String controls,
        String whoMayVote,
        FieldErrors errors,
        @Nullable String typedCap) {

    public static ManageView of(
            Ballot ballot,
            Instant now,
            Text owner,
            Map<String, Long> refusals,
            String controls,
            FieldErrors errors,
            @Nullable String typedCap) {
        return new ManageView(
                ballot.id().value(),
                ballot.measure(),
                ballot.status(now).label(),
                ballot.statusLine(now),
                owner,
                ballot.defences().perAddressCap(),
                ballot.defences().challenge(),
                Map.copyOf(refusals),
                controls,
                ballot.whoMayVote().value(),
                errors,
                typedCap);
    }

    /** The cap field's value: what was refused, else the cap in force, blank for none. */
    public String capValue() {
        if (typedCap != null) {
            return typedCap;
        }
        return perAddressCap == null ? "" : String.valueOf(perAddressCap);
    }

    /**
     * Where the exports are, without their extension: the results' own address for a signed-in owner, who is known
     * there; under the manage link for a guest, who is known only by its key.
     */
    public String exports() {
        String signedIn = "/manage/" + id;
        return controls.equals(signedIn) ? "/results/" + id + "/export" : controls + "/export";
    }

    public long refused(String reason) {
        return refusals.getOrDefault(reason, 0L);
    }

    public boolean pending() {
        return status.equals(BallotStatus.PENDING.label());
    }

    public boolean ended() {
        return status.equals(BallotStatus.ENDED.label());
    }
}
