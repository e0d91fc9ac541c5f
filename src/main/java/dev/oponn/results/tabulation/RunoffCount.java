package dev.oponn.results.tabulation;

import dev.oponn.results.tabulation.InstantRunoffResult.Decision;
import dev.oponn.results.tabulation.InstantRunoffResult.Round;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * One instant-runoff count in progress. Options are addressed by their index in the option list; each distinct
 * ranking keeps a cursor on its current choice and is listed under the option it counts for, so a round touches
 * only the rankings of the options it eliminates, and the whole count reads each ranking's entries at most once.
 */
final class RunoffCount {

    private final List<Integer> options;
    private final InstantRunoff.Rules rules;
    private final Eliminations eliminations;
    private final int[] choices;
    private final int[] start;
    private final long[] weights;
    private final int[] cursor;
    private final boolean[] eliminated;
    private final long[] tally;
    private final Holders[] holders;
    private final List<long[]> earlierTallies = new ArrayList<>();
    private long exhausted;

    RunoffCount(List<Integer> options, Map<Ranking, Long> ballots, InstantRunoff.Rules rules) {
        this.options = List.copyOf(options);
        this.rules = rules;
        this.eliminations = new Eliminations(this.options, rules);
        OptionIndex optionIndex = new OptionIndex(this.options);
        int rankings = 0;
        int entries = 0;
        for (var ballot : ballots.entrySet()) {
            if (ballot.getValue() < 0) {
                throw new IllegalArgumentException("a ballot count cannot be negative: " + ballot.getValue());
            }
            if (ballot.getValue() > 0) {
                rankings++;
                entries += ballot.getKey().options().size();
            }
        }
        // All rankings in one array, ranking b at [start[b], start[b + 1]): no object per ranking.
        this.choices = new int[entries];
        this.start = new int[rankings + 1];
        this.weights = new long[rankings];
        int b = 0;
        int at = 0;
        for (var ballot : ballots.entrySet()) {
            if (ballot.getValue() == 0) {
                continue;
            }
            start[b] = at;
            weights[b] = ballot.getValue();
            for (Integer option : ballot.getKey().options()) {
                choices[at++] = optionIndex.positionOf(option);
            }
            b++;
        }
        start[rankings] = at;
        this.cursor = Arrays.copyOf(start, rankings);
        this.eliminated = new boolean[this.options.size()];
        this.tally = new long[this.options.size()];
        this.holders = new Holders[this.options.size()];
        for (int o = 0; o < holders.length; o++) {
            holders[o] = new Holders();
        }
        for (b = 0; b < rankings; b++) {
            if (start[b] < start[b + 1]) {
                tally[choices[start[b]]] += weights[b];
                holders[choices[start[b]]].add(b);
            } else {
                exhausted += weights[b];
            }
        }
    }

    /** The rankings currently counting for one option: an eliminated option's are the only ones that move. */
    private static final class Holders {
        private int[] rankings = new int[8];
        private int size;

        void add(int ranking) {
            if (size == rankings.length) {
                rankings = Arrays.copyOf(rankings, size * 2);
            }
            rankings[size++] = ranking;
        }
    }

    InstantRunoffResult run() {
        List<Round> rounds = new ArrayList<>();
        OptionalInt winner = OptionalInt.empty();
        while (true) {
            long[] tally = this.tally.clone();
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
            Eliminations.Choice choice = eliminations.choose(tally, eliminated, earlierTallies);
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

    /** Moves each ballot of the eliminated options to its next continuing choice; returns where they went. */
    private Map<Integer, Map<Integer, Long>> eliminate(List<Integer> indices) {
        indices.forEach(o -> eliminated[o] = true);
        int exhaustedColumn = options.size();
        Map<Integer, Map<Integer, Long>> transfers = new LinkedHashMap<>();
        for (int from : indices) {
            long[] moved = new long[options.size() + 1];
            Holders leaving = holders[from];
            for (int h = 0; h < leaving.size; h++) {
                int b = leaving.rankings[h];
                int end = start[b + 1];
                int at = cursor[b];
                while (at < end && eliminated[choices[at]]) {
                    at++;
                }
                cursor[b] = at;
                if (at < end) {
                    int to = choices[at];
                    tally[to] += weights[b];
                    holders[to].add(b);
                    moved[to] += weights[b];
                } else {
                    exhausted += weights[b];
                    moved[exhaustedColumn] += weights[b];
                }
            }
            holders[from] = new Holders();
            tally[from] = 0;
            Map<Integer, Long> to = new TreeMap<>();
            for (int o = 0; o < moved.length; o++) {
                if (moved[o] > 0) {
                    to.put(o == exhaustedColumn ? InstantRunoffResult.EXHAUSTED : options.get(o), moved[o]);
                }
            }
            transfers.put(options.get(from), Collections.unmodifiableMap(to));
        }
        return transfers;
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
