package dev.oponn.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** Live viewers of some ballots on every instance, and whether their last frames show the database's tally. */
final class Viewers implements AutoCloseable {

    private final List<Viewer> viewers = new ArrayList<>();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    /** {@code perInstance} viewers of each ballot on each instance. */
    static Viewers watch(List<String> ballots, List<OponnInstance> instances, int perInstance, Clients clients) {
        Viewers all = new Viewers();
        for (String ballot : ballots) {
            for (OponnInstance on : instances) {
                for (int i = 0; i < perInstance; i++) {
                    Viewer viewer = new Viewer(ballot, on, clients.next());
                    all.viewers.add(viewer);
                    all.threads.execute(viewer::run);
                }
            }
        }
        return all;
    }

    List<Viewer> all() {
        return List.copyOf(viewers);
    }

    /**
     * Waits until every viewer's newest frame shows the tally the database holds; returns how long that took, or
     * null if some viewer still did not after the timeout.
     */
    Duration awaitConverged(Supplier<Map<String, Map<Integer, Long>>> tallies, Duration timeout) {
        long start = System.nanoTime();
        Map<String, Map<Integer, Long>> truth = tallies.get();
        boolean converged = Ports.await(
                timeout,
                () -> viewers.stream()
                        .allMatch(v -> v.last() != null && v.last().shows(truth.getOrDefault(v.ballot(), Map.of()))));
        return converged ? Duration.ofNanos(System.nanoTime() - start) : null;
    }

    /**
     * Waits until every viewer has been sent a frame at least as new as the given tally version (the ballot's total
     * votes) of its ballot; returns how long that took, or null.
     */
    Duration awaitCaughtUp(Map<String, Long> versions, Duration timeout) {
        long start = System.nanoTime();
        boolean caughtUp = Ports.await(
                timeout,
                () -> viewers.stream()
                        .allMatch(
                                v -> v.last() != null && v.last().version() >= versions.getOrDefault(v.ballot(), 0L)));
        return caughtUp ? Duration.ofNanos(System.nanoTime() - start) : null;
    }

    /** The viewers whose last frame does not show the tally, for a failure message. */
    List<String> behind(Map<String, Map<Integer, Long>> truth) {
        List<String> behind = new ArrayList<>();
        for (Viewer v : viewers) {
            Map<Integer, Long> tally = truth.getOrDefault(v.ballot(), Map.of());
            if (v.last() == null || !v.last().shows(tally)) {
                behind.add(v.instance().name() + " shows "
                        + (v.last() == null ? "nothing" : v.last().counts())
                        + ", database " + tally + " (events " + v.events() + ", reconnects " + v.reconnects()
                        + ", refusals " + v.refusals() + ")");
            }
        }
        return behind;
    }

    long regressions() {
        return viewers.stream().mapToLong(Viewer::regressions).sum();
    }

    long reconnects() {
        return viewers.stream().mapToLong(Viewer::reconnects).sum();
    }

    /** What the viewers saw when (re)connecting failed: statuses and cut streams, summed. */
    Map<String, Long> refusals() {
        Map<String, Long> all = new TreeMap<>();
        viewers.forEach(v -> v.refusals().forEach((k, n) -> all.merge(k, n, Long::sum)));
        return all;
    }

    @Override
    public void close() {
        viewers.forEach(Viewer::stop);
        threads.shutdownNow();
    }
}
