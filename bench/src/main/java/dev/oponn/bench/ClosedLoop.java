package dev.oponn.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * {@code concurrency} virtual threads, each sending its next request as soon as the last is answered, for a fixed
 * time. This finds the sustained rate; latency here includes queueing at saturation.
 */
final class ClosedLoop {

    private ClosedLoop() {}

    static Recorder run(
            String label,
            int concurrency,
            double seconds,
            IntFunction<HttpConnection> connections,
            Work work,
            Progress progress) {
        Recorder recorder = new Recorder();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        try (Progress.Ticker ticker = progress.ticker(() -> status(label, recorder), 2000);
                ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                HttpConnection connection = connections.apply(w);
                running.add(workers.submit(() -> loop(connection, work, recorder, deadline)));
            }
            for (Future<?> f : running) {
                f.get(Math.max(1, (long) seconds) + 120, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            recorder.outcome("harness_error: " + e);
        }
        recorder.finish();
        return recorder;
    }

    private static void loop(HttpConnection connection, Work work, Recorder recorder, long deadline) {
        try (connection) {
            for (long n = 0; n < 100_000_000L && System.nanoTime() < deadline; n++) {
                long t0 = System.nanoTime();
                Work.Outcome outcome = work.attempt(connection);
                long t1 = System.nanoTime();
                switch (outcome.kind()) {
                    case ACK -> recorder.acknowledged(t1 - t0, t1);
                    case OTHER -> recorder.outcome(outcome.detail());
                    case EXHAUSTED -> {
                        recorder.outcome("exhausted");
                        return;
                    }
                }
            }
        }
    }

    static String status(String label, Recorder recorder) {
        return String.format(
                "%s: %.0fs, %d acknowledged (%.0f/s)%s",
                label,
                recorder.elapsedSeconds(),
                recorder.acks(),
                recorder.ratePerSecond(),
                recorder.outcomes().isEmpty() ? "" : ", other: " + recorder.outcomes());
    }
}
