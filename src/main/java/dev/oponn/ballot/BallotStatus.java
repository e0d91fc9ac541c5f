package dev.oponn.ballot;

public enum BallotStatus {
    PENDING,
    ACTIVE,
    ENDED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
