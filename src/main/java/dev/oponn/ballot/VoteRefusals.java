package dev.oponn.ballot;

import java.util.Map;

/**
 * How many votes each defence against vote stuffing refused on a ballot, for its owner's manage page. The vote
 * feature keeps the counts; this is how the manage page asks without {@code ballot} depending on {@code vote}.
 */
public interface VoteRefusals {

    /** Refusals by reason ({@code no_device}, {@code address_cap}, {@code challenge}, {@code write_in_cap}). */
    Map<String, Long> of(BallotId ballot);
}
