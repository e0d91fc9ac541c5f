package dev.oponn.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/** Every attempt of one run, and the run's clock (milliseconds since it began). */
final class History {

    private final long startNanos = System.nanoTime();
    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();

    long now() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    void add(Attempt attempt) {
        attempts.add(attempt);
    }

    List<Attempt> all() {
        return new ArrayList<>(attempts);
    }

    long count(Predicate<Attempt> which) {
        return attempts.stream().filter(which).count();
    }

    /** How many attempts saw each answer ({@code 204: 812, 503: 40, ConnectException: 12}). */
    Map<String, Long> seen(Predicate<Attempt> which) {
        Map<String, Long> seen = new TreeMap<>();
        attempts.stream().filter(which).forEach(a -> seen.merge(a.seen(), 1L, Long::sum));
        return seen;
    }

    /** The q-quantile (0..1) of the time clients waited for an answer, in milliseconds; -1 if none matched. */
    long waited(Predicate<Attempt> which, double q) {
        long[] waits = attempts.stream()
                .filter(which)
                .mapToLong(a -> a.completedMillis() - a.invokedMillis())
                .sorted()
                .toArray();
        return waits.length == 0 ? -1 : waits[(int) Math.min(waits.length - 1, Math.floor(q * waits.length))];
    }

    /** Attempts invoked in [from, to) on the run's clock. */
    static Predicate<Attempt> invokedBetween(long from, long to) {
        return a -> a.invokedMillis() >= from && a.invokedMillis() < to;
    }

    /**
     * The first acknowledged attempt invoked at or after {@code from} on each named instance, at the latest: when the
     * last instance was counting votes again; -1 if one never did.
     */
    long allAcknowledgingAgainAt(long from, List<String> instances) {
        long latest = 0;
        for (String instance : instances) {
            long first = attempts.stream()
                    .filter(a -> a.instance().equals(instance)
                            && a.invokedMillis() >= from
                            && a.outcome().acknowledged())
                    .mapToLong(Attempt::completedMillis)
                    .min()
                    .orElse(-1);
            if (first < 0) {
                return -1;
            }
            latest = Math.max(latest, first);
        }
        return latest;
    }
}
