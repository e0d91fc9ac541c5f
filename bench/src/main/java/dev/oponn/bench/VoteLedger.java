package dev.oponn.bench;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the harness was told about each vote, per ballot and option: acknowledged, or unknown (the connection failed
 * before an answer, so the vote may or may not have counted). The correctness check compares this with the
 * database.
 */
final class VoteLedger {

    private final Map<String, Map<Integer, LongAdder>> acked = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, LongAdder>> unknown = new ConcurrentHashMap<>();

    void acknowledged(String ballot, int option) {
        counter(acked, ballot, option).increment();
    }

    void unknownOutcome(String ballot, int option) {
        counter(unknown, ballot, option).increment();
    }

    Set<String> ballots() {
        Set<String> all = new java.util.TreeSet<>(acked.keySet());
        all.addAll(unknown.keySet());
        return all;
    }

    Map<Integer, Long> acknowledged(String ballot) {
        return snapshot(acked.get(ballot));
    }

    Map<Integer, Long> unknown(String ballot) {
        return snapshot(unknown.get(ballot));
    }

    long totalAcknowledged() {
        return acked.values().stream()
                .flatMap(m -> m.values().stream())
                .mapToLong(LongAdder::sum)
                .sum();
    }

    long totalUnknown() {
        return unknown.values().stream()
                .flatMap(m -> m.values().stream())
                .mapToLong(LongAdder::sum)
                .sum();
    }

    private static LongAdder counter(Map<String, Map<Integer, LongAdder>> map, String ballot, int option) {
        return map.computeIfAbsent(ballot, b -> new ConcurrentHashMap<>())
                .computeIfAbsent(option, o -> new LongAdder());
    }

    private static Map<Integer, Long> snapshot(Map<Integer, LongAdder> counters) {
        Map<Integer, Long> out = new TreeMap<>();
        if (counters != null) {
            counters.forEach((option, n) -> out.put(option, n.sum()));
        }
        return out;
    }
}
