package dev.oponn.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Jepsen's set check against the database after a run. Per device and ballot: an acknowledged vote's voter key is in
 * {@code ballot_voter} (its one row there, by the primary key), a refused one's is not, an indeterminate one's may be;
 * no voter row belongs to a device that never attempted. Per ballot and option: the counter shards sum to at least
 * the acknowledged votes for it and at most those plus the indeterminate ones; per ballot, the voter rows equal the
 * counted votes, so nothing counted twice.
 */
final class Checker {

    private Checker() {}

    record Verdict(
            long attempted,
            long acknowledged,
            long failed,
            long unknown,
            long counted,
            long lost,
            long duplicated,
            long refusedButWritten,
            long neverAttempted,
            List<String> examples) {

        boolean clean() {
            return lost == 0 && duplicated == 0 && refusedButWritten == 0 && neverAttempted == 0;
        }
    }

    static Verdict check(Rig rig, History history) {
        List<Attempt> attempts = history.all();
        Set<String> ballots = new HashSet<>();
        attempts.forEach(a -> ballots.add(a.ballot()));
        Map<String, Set<String>> voters = new HashMap<>();
        Map<String, Map<Integer, Long>> tallies = tallies(rig, ballots);
        try (Connection c = rig.database();
                PreparedStatement s = c.prepareStatement("SELECT voter_key FROM ballot_voter WHERE ballot_id = ?")) {
            for (String ballot : ballots) {
                s.setString(1, ballot);
                Set<String> keys = new HashSet<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        keys.add(HexFormat.of().formatHex(r.getBytes(1)));
                    }
                }
                voters.put(ballot, keys);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the voters", e);
        }
        long lost = 0;
        long refusedButWritten = 0;
        List<String> examples = new ArrayList<>();
        Map<String, Map<Integer, long[]>> expected = new HashMap<>();
        Map<String, Set<String>> attemptedKeys = new HashMap<>();
        for (Attempt a : attempts) {
            String key = HexFormat.of().formatHex(rig.voterKey(a.ballot(), a.device()));
            attemptedKeys.computeIfAbsent(a.ballot(), b -> new HashSet<>()).add(key);
            boolean present = voters.get(a.ballot()).contains(key);
            long[] range = expected.computeIfAbsent(a.ballot(), b -> new TreeMap<>())
                    .computeIfAbsent(a.option(), o -> new long[2]);
            switch (a.outcome()) {
                case OK, ALREADY -> {
                    range[0]++;
                    range[1]++;
                    if (!present) {
                        lost++;
                        example(examples, "acknowledged but absent: " + a);
                    }
                }
                case UNKNOWN -> range[1]++;
                case FAIL -> {
                    if (present) {
                        refusedButWritten++;
                        example(examples, "refused but written: " + a);
                    }
                }
            }
        }
        long duplicated = 0;
        long neverAttempted = 0;
        long counted = 0;
        for (String ballot : ballots) {
            Map<Integer, Long> tally = tallies.getOrDefault(ballot, Map.of());
            long total = tally.values().stream().mapToLong(Long::longValue).sum();
            counted += total;
            Map<Integer, long[]> ranges = expected.getOrDefault(ballot, Map.of());
            Set<Integer> options = new HashSet<>(tally.keySet());
            options.addAll(ranges.keySet());
            for (int option : options) {
                long t = tally.getOrDefault(option, 0L);
                long[] range = ranges.getOrDefault(option, new long[2]);
                if (t < range[0]) {
                    lost += range[0] - t;
                    example(examples, "option " + option + " counts " + t + ", " + range[0] + " acknowledged");
                } else if (t > range[1]) {
                    duplicated += t - range[1];
                    example(examples, "option " + option + " counts " + t + ", at most " + range[1] + " possible");
                }
            }
            long rows = voters.get(ballot).size();
            if (rows != total) {
                duplicated += Math.max(0, total - rows);
                example(examples, "ballot has " + rows + " voter rows and " + total + " counted votes");
            }
            Set<String> strangers = new HashSet<>(voters.get(ballot));
            strangers.removeAll(attemptedKeys.getOrDefault(ballot, Set.of()));
            neverAttempted += strangers.size();
        }
        return new Verdict(
                attempts.size(),
                attempts.stream().filter(a -> a.outcome().acknowledged()).count(),
                attempts.stream()
                        .filter(a -> a.outcome() == Attempt.Outcome.FAIL)
                        .count(),
                attempts.stream()
                        .filter(a -> a.outcome() == Attempt.Outcome.UNKNOWN)
                        .count(),
                counted,
                lost,
                duplicated,
                refusedButWritten,
                neverAttempted,
                examples);
    }

    /** Each ballot's counted votes per option: the sum of its counter shards. */
    static Map<String, Map<Integer, Long>> tallies(Rig rig, Set<String> ballots) {
        Map<String, Map<Integer, Long>> tallies = new HashMap<>();
        try (Connection c = rig.database();
                PreparedStatement s = c.prepareStatement(
                        "SELECT option_id, sum(votes) FROM tally_shard" + " WHERE ballot_id = ? GROUP BY option_id")) {
            for (String ballot : ballots) {
                s.setString(1, ballot);
                Map<Integer, Long> tally = new TreeMap<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        tally.put(r.getInt(1), r.getLong(2));
                    }
                }
                tallies.put(ballot, tally);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the tallies", e);
        }
        return tallies;
    }

    private static void example(List<String> examples, String text) {
        if (examples.size() < 10) {
            examples.add(text);
        }
    }
}
