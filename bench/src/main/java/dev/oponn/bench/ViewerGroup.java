package dev.oponn.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Many viewers on some ballots of one server, each with its own connection from a spread of loopback addresses.
 * Connections are opened a bounded number at a time so that the server's accept queue is never flooded.
 */
final class ViewerGroup implements AutoCloseable {

    private static final int CONNECTING_AT_ONCE = 200;

    private final List<Viewer> viewers = new ArrayList<>();
    private final Map<String, List<Viewer>> byBallot = new LinkedHashMap<>();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch settled;

    ViewerGroup(Target target, List<String> ballots, int viewersPerBallot, int maxVersion, int clientOffset) {
        settled = new CountDownLatch(ballots.size() * viewersPerBallot);
        int client = clientOffset;
        for (int round = 0; round < viewersPerBallot; round++) {
            for (String ballot : ballots) {
                Viewer viewer = new Viewer(target, client++, ballot, maxVersion, settled);
                viewers.add(viewer);
                byBallot.computeIfAbsent(ballot, b -> new ArrayList<>()).add(viewer);
            }
        }
    }

    /** Opens every stream and waits for each to deliver its first event or fail; false if time ran out. */
    boolean connect(double timeoutSeconds, Progress progress) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (timeoutSeconds * 1e9);
        int total = viewers.size();
        try (Progress.Ticker ticker = progress.ticker(
                () -> String.format("viewers: %d of %d settled, %d live", total - settled.getCount(), total, live()),
                2000)) {
            for (int i = 0; i < total; i++) {
                while (i - (total - settled.getCount()) >= CONNECTING_AT_ONCE) {
                    if (System.nanoTime() > deadline) {
                        return false;
                    }
                    LockSupport.parkNanos(1_000_000);
                }
                threads.execute(viewers.get(i));
            }
            return settled.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    int size() {
        return viewers.size();
    }

    long live() {
        return viewers.stream().filter(Viewer::live).count();
    }

    List<Viewer> viewers() {
        return viewers;
    }

    List<Viewer> of(String ballot) {
        return byBallot.getOrDefault(ballot, List.of());
    }

    /** Failure messages of viewers that are not live, most frequent first (for the notes). */
    Map<String, Long> failures() {
        Map<String, Long> counts = viewers.stream()
                .filter(v -> !v.live())
                .collect(Collectors.groupingBy(
                        v -> v.failure() == null ? "no first event" : v.failure(),
                        TreeMap::new,
                        Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(5)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    @Override
    public void close() {
        viewers.forEach(Viewer::close);
        threads.shutdown();
        try {
            threads.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
