package dev.oponn.results.tabulation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What an instant-runoff count found: every round, the winner (none when every ballot was exhausted or there were
 * none), and the ballot-id order that was the last resort for ties (shown on the results page whether or not it
 * was needed).
 */
public record InstantRunoffResult(List<Round> rounds, OptionalInt winner, TieBreakOrder tieBreakOrder) {

    /** The key of {@link Round#transfers()} for ballots that had no continuing choice left. */
    public static final int EXHAUSTED = -1;

    public InstantRunoffResult {
        rounds = List.copyOf(rounds);
    }

    /** How the options eliminated in a round were chosen. */
    public enum Decision {
        /** The round elected its winner; nobody was eliminated. */
        ELECTED,
        /** One option had strictly the fewest votes. */
        FEWEST_VOTES,
        /** Several had the fewest; the one with the fewest votes in an earlier round went. */
        EARLIER_ROUND,
        /** The tie survived every earlier round; the ballot-id order decided. */
        TIE_BREAK_ORDER,
        /** Several options at once whose combined votes could not overtake the next (a tabulator option). */
        BATCH,
        /** Options to be dropped in the first round while they hold votes (a tabulator option: write-ins). */
        DROPPED_FIRST,
        /** Every ballot was exhausted: nothing left to count, no winner. */
        NOTHING_TO_COUNT
    }

    /**
     * One round: votes per continuing option (zero included), the ballots they add up to and the votes that win
     * (more than half of them), the ballots exhausted so far, and what the round did. {@code transfers} maps each
     * eliminated option to where its ballots went in the next round (an option, or {@link #EXHAUSTED}).
     */
    public record Round(
            int number,
            Map<Integer, Long> tally,
            long continuing,
            long threshold,
            long exhaustedTotal,
            Decision decision,
            List<Integer> eliminated,
            Map<Integer, Map<Integer, Long>> transfers) {

        public Round {
            tally = Collections.unmodifiableMap(new LinkedHashMap<>(tally));
            eliminated = List.copyOf(eliminated);
            transfers = Collections.unmodifiableMap(new LinkedHashMap<>(transfers));
        }
    }
}
