package dev.oponn.vote;

/** Why a well-formed vote was not counted, in the words voters have seen before. */
enum VoteRejection {
    NOT_STARTED("Voting has not started for this ballot"),
    ENDED("Voting has ended for this ballot"),
    ALREADY_VOTED("You have already voted on this ballot.");

    private final String message;

    VoteRejection(String message) {
        this.message = message;
    }

    String message() {
        return message;
    }

    String reason() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
