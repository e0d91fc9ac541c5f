package dev.oponn.vote;

/**
 * Why a vote was not counted, in the words voters see. The reason is the {@code oponn.votes.rejected} tag; the
 * refusals of the defences against vote stuffing are also counted per ballot for its owner ({@link #defence}).
 */
enum VoteRejection {
    NOT_STARTED("not_started", false, "Voting has not started for this ballot"),
    ENDED("ended", false, "Voting has ended for this ballot"),
    ALREADY_VOTED("already_voted", false, "You have already voted on this ballot."),
    NO_DEVICE("no_device", true, "Open the ballot's vote page to vote"),
    ADDRESS_CAP("address_cap", true, "This network has reached this ballot's vote limit"),
    CHALLENGE_MISSING("challenge", true, "This ballot needs JavaScript to vote"),
    CHALLENGE_FAILED(
            "challenge",
            true,
            "This vote's proof of work was missing, wrong, expired or already used: reload the vote page and vote again"),
    WRITE_IN_CAP("write_in_cap", true, "This ballot has reached its limit of %d write-in options");

    private final String reason;
    private final boolean defence;
    private final String message;

    VoteRejection(String reason, boolean defence, String message) {
        this.reason = reason;
        this.defence = defence;
        this.message = message;
    }

    /** The message; {@link #WRITE_IN_CAP} names the limit. */
    String message(int maxWriteIns) {
        return message.formatted(maxWriteIns);
    }

    String reason() {
        return reason;
    }

    /** Refused by a defence against vote stuffing, rather than by the ballot's rules. */
    boolean defence() {
        return defence;
    }
}
