package dev.oponn.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * After the run: every acknowledged vote is in the database exactly once. Per ballot and option, the committed
 * tally (sum of {@code tally_shard}) may not be below the acknowledged count (a lost vote) nor above the acknowledged
 * plus the unknown-outcome count (a vote counted twice, or one the server refused but wrote); per ballot, the voter
 * rows ({@code ballot_voter}) must equal the tally.
 */
final class Correctness {

    private Correctness() {}

    record Verdict(long lost, long duplicates, long voterRowMismatches, Map<String, Object> details) {}

    static Verdict check(BenchDatabase database, VoteLedger ledger) throws Exception {
        List<String> ballots = new ArrayList<>(ledger.ballots());
        Map<String, Map<Integer, Long>> tallies = database.tallies(ballots);
        Map<String, Long> voters = database.voters(ballots);
        return compare(ballots, ledger, tallies, voters);
    }

    static Verdict compare(
            List<String> ballots,
            VoteLedger ledger,
            Map<String, Map<Integer, Long>> tallies,
            Map<String, Long> voters) {
        long lost = 0;
        long duplicates = 0;
        long voterMismatches = 0;
        long committed = 0;
        List<String> examples = new ArrayList<>();
        for (String ballot : ballots) {
            Map<Integer, Long> acked = ledger.acknowledged(ballot);
            Map<Integer, Long> unknown = ledger.unknown(ballot);
            Map<Integer, Long> tally = tallies.getOrDefault(ballot, Map.of());
            Set<Integer> options = new TreeSet<>(acked.keySet());
            options.addAll(unknown.keySet());
            options.addAll(tally.keySet());
            long total = 0;
            for (int option : options) {
                long a = acked.getOrDefault(option, 0L);
                long u = unknown.getOrDefault(option, 0L);
                long t = tally.getOrDefault(option, 0L);
                total += t;
                if (t < a) {
                    lost += a - t;
                    example(examples, ballot + " option " + option + ": " + a + " acknowledged, " + t + " in tally");
                } else if (t > a + u) {
                    duplicates += t - a - u;
                    example(
                            examples,
                            ballot + " option " + option + ": " + a + " acknowledged (+" + u + " unknown), " + t
                                    + " in tally");
                }
            }
            committed += total;
            long rows = voters.getOrDefault(ballot, 0L);
            if (rows != total) {
                voterMismatches += Math.abs(rows - total);
                example(examples, ballot + ": " + rows + " voter rows, tally " + total);
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ballots_checked", ballots.size());
        details.put("acknowledged", ledger.totalAcknowledged());
        details.put("unknown_outcome", ledger.totalUnknown());
        details.put("committed", committed);
        details.put("lost", lost);
        details.put("duplicates", duplicates);
        details.put("voter_row_mismatches", voterMismatches);
        details.put("examples", examples);
        return new Verdict(lost, duplicates, voterMismatches, details);
    }

    private static void example(List<String> examples, String text) {
        if (examples.size() < 10) {
            examples.add(text);
        }
    }
}
