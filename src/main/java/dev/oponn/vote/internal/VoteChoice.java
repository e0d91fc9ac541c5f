package dev.oponn.vote.internal;

/** What a voter marked: an existing option or a write-in text. Multiple and ranked choice add cases here. */
public sealed interface VoteChoice {

    record Existing(int optionId) implements VoteChoice {}

    record WriteIn(String label) implements VoteChoice {}
}
