package dev.oponn.ballot;

/** One choice on a ballot; {@code id} counts from 1 within its ballot. */
public record BallotOption(int id, String label, boolean writeIn) {}
