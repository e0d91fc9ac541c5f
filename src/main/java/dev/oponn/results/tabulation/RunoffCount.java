package dev.oponn.results.tabulation;

import dev.oponn.results.tabulation.InstantRunoffResult.Decision;
import dev.oponn.results.tabulation.InstantRunoffResult.Round;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * One instant-runoff count in progress. Options are addressed by their index in the option list; each distinct
 * ranking keeps a cursor on its current choice, so a round only moves the rankings whose choice was eliminated.
 */
final class RunoffCount {

    private final List<Integer> options;
    private final InstantRunoff.Rules rules;
    private final int[][] choices;
    private final long[] weights;
    private final int[] cursor;
    private final boolean[] eliminated;
    private final List<long[]> earlierTallies = new ArrayList<>();
    private long exhausted;

    RunoffCount(List<Integer> options, Map<Ranking, Long> ballots, InstantRunoff.Rules rules) {
        this.options = List.copyOf(options);
        this.rules = rules;
        Map<Integer, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < this.options.size(); i++) {
            if (indexOf.put(this.options.get(i), i) != null) {
                throw new IllegalArgumentException("option " + this.options.get(i) + " is listed twice");
            }
        }
        List<int[]> rankings = new ArrayList<>(ballots.size());
        long[] counts = new long[ballots.size()];
        for (var ballot : ballots.entrySet()) {
            long count = ballot.getValue();
            if (count < 0) {
                throw new IllegalArgumentException("a ballot count cannot be negative: " + count);
            }
            if (count == 0) {
                continue;
            }
            List<Integer> ranked = ballot.getKey().options();
            int[] indices = new int[ranked.size()];
            for (int r = 0; r < indices.length; r++) {
                Integer index = indexOf.get(ranked.get(r));
                if (index == null) {
                    throw new IllegalArgumentException(
                            "a ranking names option " + ranked.get(r) + ", not on the ballot");
                }
                indices[r] = index;
            }
            counts[rankings.size()] = count;
            rankings.add(indices);
            if (indices.length == 0) {
                exhausted += count;
            }
        }
        this.choices = rankings.toArray(int[][]::new);
        this.weights = counts;
        this.cursor = new int[choices.length];
        this.eliminated = new boolean[this.options.size()];
    }

    InstantRunoffResult run() {
        List<Round> rounds = new ArrayList<>();
        OptionalInt winner = OptionalInt.empty();
        while (true) {
            long[] tally = tally();
            long continuing = 0;
            int leader = -1;
            for (int o = 0; o < tally.length; o++) {
                if (!eliminated[o]) {
                    continuing += tally[o];
                    if (leader < 0 || tally[o] > tally[leader]) {
                        leader = o;
                    }
                }
            }
            long threshold = continuing / 2 + 1;
            int number = rounds.size() + 1;
            if (continuing == 0 || tally[leader] >= threshold) {
                Decision decision = continuing == 0 ? Decision.NOTHING_TO_COUNT : Decision.ELECTED;
                rounds.add(new Round(
                        number, tallyOf(tally), continuing, threshold, exhausted, decision, List.of(), Map.of()));
                if (continuing > 0) {
                    winner = OptionalInt.of(options.get(leader));
                }
                break;
            }
            Map<Integer, Long> roundTally = tallyOf(tally);
            long exhaustedBefore = exhausted;
            EliminationChoice choice = chooseEliminations(tally);
            Map<Integer, Map<Integer, Long>> transfers = eliminate(choice.indices());
            rounds.add(new Round(
                    number,
                    roundTally,
                    continuing,
                    threshold,
                    exhaustedBefore,
                    choice.decision(),
                    choice.indices().stream().map(options::get).toList(),
                    transfers));
            earlierTallies.add(tally);
        }
        return new InstantRunoffResult(rounds, winner, rules.tieBreakOrder());
    }

    private long[] tally() {
        long[] tally = new long[options.size()];
        for (int b = 0; b < choices.length; b++) {
            if (cursor[b] < choices[b].length) {
                tally[choices[b][cursor[b]]] += weights[b];
            }
        }
        return tally;
    }

    private record EliminationChoice(List<Integer> indices, Decision decision) {}

    private EliminationChoice chooseEliminations(long[] tally) {
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
                return new EliminationChoice(dropped, Decision.DROPPED_FIRST);
            }
        }
        if (rules.batchElimination()) {
            List<Integer> batch = batch(continuing, tally);
            if (batch.size() > 1) {
                return new EliminationChoice(batch, Decision.BATCH);
            }
        }
        return fewest(continuing, tally);
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

    private EliminationChoice fewest(List<Integer> continuing, long[] tally) {
        long fewest = continuing.stream().mapToLong(o -> tally[o]).min().orElseThrow();
        List<Integer> tied = continuing.stream().filter(o -> tally[o] == fewest).toList();
        if (tied.size() == 1) {
            return new EliminationChoice(tied, Decision.FEWEST_VOTES);
        }
        for (int r = earlierTallies.size() - 1; r >= 0; r--) {
            long[] earlier = earlierTallies.get(r);
            long least = tied.stream().mapToLong(o -> earlier[o]).min().orElseThrow();
            tied = tied.stream().filter(o -> earlier[o] == least).toList();
            if (tied.size() == 1) {
                return new EliminationChoice(tied, Decision.EARLIER_ROUND);
            }
        }
        int loser = rules.tieBreakOrder().first(tied.stream().map(options::get).toList());
        return new EliminationChoice(List.of(options.indexOf(loser)), Decision.TIE_BREAK_ORDER);
    }

    private Map<Integer, Map<Integer, Long>> eliminate(List<Integer> indices) {
        indices.forEach(o -> eliminated[o] = true);
        Map<Integer, Map<Integer, Long>> transfers = new LinkedHashMap<>();
        indices.forEach(o -> transfers.put(options.get(o), new TreeMap<>()));
        for (int b = 0; b < choices.length; b++) {
            int[] ranked = choices[b];
            int at = cursor[b];
            if (at >= ranked.length || !eliminated[ranked[at]]) {
                continue;
            }
            int from = ranked[at];
            while (at < ranked.length && eliminated[ranked[at]]) {
                at++;
            }
            cursor[b] = at;
            int to;
            if (at < ranked.length) {
                to = options.get(ranked[at]);
            } else {
                to = InstantRunoffResult.EXHAUSTED;
                exhausted += weights[b];
            }
            transfers.get(options.get(from)).merge(to, weights[b], Long::sum);
        }
        Map<Integer, Map<Integer, Long>> frozen = new LinkedHashMap<>();
        transfers.forEach((from, to) -> frozen.put(from, Collections.unmodifiableMap(to)));
        return frozen;
    }

    private Map<Integer, Long> tallyOf(long[] tally) {
        Map<Integer, Long> byOption = new LinkedHashMap<>();
        for (int o = 0; o < tally.length; o++) {
            if (!eliminated[o]) {
                byOption.put(options.get(o), tally[o]);
            }
        }
        return byOption;
    }
}
