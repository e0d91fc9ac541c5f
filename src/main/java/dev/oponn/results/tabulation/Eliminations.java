package dev.oponn.results.tabulation;

import dev.oponn.results.tabulation.InstantRunoffResult.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Which options a round of instant runoff eliminates, and why: the options dropped first (round 1 only), a batch,
 * or the one with the fewest votes, ties going to earlier rounds, then to the {@link TieBreakOrder}. Options are
 * addressed by their index in the option list, tallies are per index.
 */
final class Eliminations {

    private final List<Integer> options;
    private final InstantRunoff.Rules rules;

    Eliminations(List<Integer> options, InstantRunoff.Rules rules) {
        this.options = options;
        this.rules = rules;
    }

    record Choice(List<Integer> indices, Decision decision) {}

    Choice choose(long[] tally, boolean[] eliminated, List<long[]> earlierTallies) {
        List<Integer> continuing = new ArrayList<>();
        for (int o = 0; o < tally.length; o++) {
            if (!eliminated[o]) {
                continuing.add(o);
            }
        }
        if (earlierTallies.isEmpty() && !rules.droppedFirst().isEmpty()) {
            List<Integer> dropped = continuing.stream()
                    .filter(o -> rules.droppedFirst().contains(options.get(o)) && tally[o] > 0)
                    .toList();
            if (!dropped.isEmpty()) {
                return new Choice(dropped, Decision.DROPPED_FIRST);
            }
        }
        if (rules.batchElimination()) {
            List<Integer> batch = batch(continuing, tally);
            if (batch.size() > 1) {
                return new Choice(batch, Decision.BATCH);
            }
        }
        return fewest(continuing, tally, earlierTallies);
    }

    /** RCTab's batch: every option below a point where their combined votes are fewer than the next group's. */
    private static List<Integer> batch(List<Integer> continuing, long[] tally) {
        TreeMap<Long, List<Integer>> byVotes = new TreeMap<>();
        continuing.forEach(
                o -> byVotes.computeIfAbsent(tally[o], v -> new ArrayList<>()).add(o));
        long runningTotal = 0;
        List<Integer> seen = new ArrayList<>();
        List<Integer> batch = List.of();
        for (var group : byVotes.entrySet()) {
            if (runningTotal < group.getKey()) {
                batch = List.copyOf(seen);
            }
            runningTotal += group.getKey() * group.getValue().size();
            seen.addAll(group.getValue());
        }
        return batch.stream().sorted().toList();
    }

    private Choice fewest(List<Integer> continuing, long[] tally, List<long[]> earlierTallies) {
        long fewest = continuing.stream().mapToLong(o -> tally[o]).min().orElseThrow();
        List<Integer> tied = continuing.stream().filter(o -> tally[o] == fewest).toList();
        if (tied.size() == 1) {
            return new Choice(tied, Decision.FEWEST_VOTES);
        }
        for (int r = earlierTallies.size() - 1; r >= 0; r--) {
            long[] earlier = earlierTallies.get(r);
            long least = tied.stream().mapToLong(o -> earlier[o]).min().orElseThrow();
            tied = tied.stream().filter(o -> earlier[o] == least).toList();
            if (tied.size() == 1) {
                return new Choice(tied, Decision.EARLIER_ROUND);
            }
        }
        int loser = rules.tieBreakOrder().first(tied.stream().map(options::get).toList());
        return new Choice(List.of(options.indexOf(loser)), Decision.TIE_BREAK_ORDER);
    }
}
