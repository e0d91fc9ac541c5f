package dev.oponn.bench;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Requests at a fixed arrival rate whatever the server's speed, each on its own virtual thread. Latency runs from
 * the moment a request was due, not from when it was sent, so a stall shows in the percentiles instead of hiding
 * as fewer requests (no coordinated omission). In-flight requests are capped; arrivals beyond the cap are counted
 * as {@code over_capacity} rather than queued.
 */
final class OpenLoop {

    private OpenLoop() {}

    static Recorder run(
            String label,
            double ratePerSecond,
            double seconds,
            int maxInFlight,
            IntFunction<HttpConnection> connections,
            Work work,
            Progress progress) {
        Recorder recorder = new Recorder();
        long arrivals = Math.max(1, (long) (ratePerSecond * seconds));
        double intervalNanos = 1e9 / ratePerSecond;
        ConcurrentLinkedQueue<HttpConnection> idle = new ConcurrentLinkedQueue<>();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        try (Progress.Ticker ticker = progress.ticker(() -> ClosedLoop.status(label, recorder), 2000);
                ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            for (long i = 0; i < arrivals; i++) {
                long due = start + (long) (i * intervalNanos);
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (inFlight.get() >= maxInFlight) {
                    recorder.outcome("over_capacity");
                    continue;
                }
                inFlight.incrementAndGet();
                requests.execute(() -> {
                    HttpConnection connection = idle.poll();
                    if (connection == null) {
                        connection = connections.apply(created.getAndIncrement());
                    }
                    try {
                        Work.Outcome outcome = work.attempt(connection);
                        long done = System.nanoTime();
                        switch (outcome.kind()) {
                            case ACK -> recorder.acknowledged(done - due, done);
                            case OTHER -> recorder.outcome(outcome.detail());
                            case EXHAUSTED -> recorder.outcome("exhausted");
                        }
                    } finally {
                        idle.add(connection);
                        inFlight.decrementAndGet();
                    }
                });
            }
        }
        recorder.finish();
        idle.forEach(HttpConnection::close);
        return recorder;
    }
}
