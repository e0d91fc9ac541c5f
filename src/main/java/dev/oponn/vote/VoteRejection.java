package dev.oponn.vote;

import dev.oponn.web.Text;

/**
 * Why a vote was not counted, by the message key of the words voters see. The reason is the {@code oponn.votes.rejected} tag; the
 * refusals of the defences against vote stuffing are also counted per ballot for its owner ({@link #defence}).
 */
enum VoteRejection {
    NOT_STARTED("not_started", false, "vote.refused.not_started"),
    ENDED("ended", false, "vote.refused.ended"),
    ALREADY_VOTED("already_voted", false, "vote.refused.already_voted"),
    NO_DEVICE("no_device", true, "vote.refused.no_device"),
    ADDRESS_CAP("address_cap", true, "vote.refused.address_cap"),
    CHALLENGE_MISSING("challenge", true, "vote.refused.challenge_missing"),
    CHALLENGE_FAILED("challenge", true, "vote.refused.challenge_failed"),
    WRITE_IN_CAP("write_in_cap", true, "vote.refused.write_in_cap");

    private final String reason;
    private final boolean defence;
    private final String message;

    VoteRejection(String reason, boolean defence, String message) {
        this.reason = reason;
        this.defence = defence;
        this.message = message;
    }

    /** The message; {@link #WRITE_IN_CAP} names the limit. */
    Text message(int maxWriteIns) {
        return Text.of(message, maxWriteIns);
    }

    String reason() {
        return reason;
    }

    /** Refused by a defence against vote stuffing, rather than by the ballot's rules. */
    boolean defence() {
        return defence;
    }
}
