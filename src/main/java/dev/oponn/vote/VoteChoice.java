package dev.oponn.vote;

/** What a voter marked: an existing option or a write-in text. Multiple and ranked choice add cases here. */
sealed interface VoteChoice {

    record Existing(int optionId) implements VoteChoice {}

    record WriteIn(String label) implements VoteChoice {}
}
