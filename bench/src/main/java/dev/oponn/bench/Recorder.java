package dev.oponn.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * One measured run: the latency of every acknowledged request in an HdrHistogram (three significant digits, so a
 * percentile is within 0.1% of a latency some request really had, in bounded memory however long the run), the
 * acknowledgements per second since the start (throughput over time), and every other outcome by name.
 */
final class Recorder {

    private static final int MAX_SECONDS = 3600;

    private static final int SIGNIFICANT_DIGITS = 3;

    private final long startNanos;
    private final AtomicLongArray perSecond = new AtomicLongArray(MAX_SECONDS);
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final LongAdder acks = new LongAdder();
    private final Histogram latencies = new Histogram(SIGNIFICANT_DIGITS);
    private volatile long endNanos;

    Recorder() {
        this(System.nanoTime());
    }

    Recorder(long startNanos) {
        this.startNanos = startNanos;
    }

    void acknowledged(long latencyNanos, long atNanos) {
        acks.increment();
        int second = (int) ((atNanos - startNanos) / 1_000_000_000L);
        if (second >= 0 && second < MAX_SECONDS) {
            perSecond.incrementAndGet(second);
        }
        sample(latencyNanos);
    }

    synchronized void sample(long latencyNanos) {
        // The histogram grows its range as needed; a clock that went backwards is recorded as zero.
        latencies.recordValue(Math.max(0, latencyNanos));
    }

    void outcome(String name) {
        outcomes.computeIfAbsent(name, n -> new LongAdder()).increment();
    }

    void finish() {
        endNanos = System.nanoTime();
    }

    long acks() {
        return acks.sum();
    }

    double elapsedSeconds() {
        long end = endNanos == 0 ? System.nanoTime() : endNanos;
        return (end - startNanos) / 1e9;
    }

    double ratePerSecond() {
        return acks() / elapsedSeconds();
    }

    /** A copy of the latencies recorded so far, in nanoseconds. */
    synchronized Histogram latencies() {
        return latencies.copy();
    }

    /** Latency percentile in milliseconds (100: the largest), NaN with no samples. */
    double percentileMillis(double p) {
        return percentileMillis(latencies(), p);
    }

    static double percentileMillis(Histogram latencies, double p) {
        if (latencies.getTotalCount() == 0) {
            return Double.NaN;
        }
        long nanos = p >= 100 ? latencies.getMaxValue() : latencies.getValueAtPercentile(p);
        return Stats.nanosToMillis(nanos);
    }

    long[] perSecond() {
        // Whole seconds only: a last partial second would read as a drop in throughput that never happened.
        int seconds = (int) Math.min(MAX_SECONDS, Math.floor(elapsedSeconds()));
        long[] out = new long[seconds];
        for (int i = 0; i < seconds; i++) {
            out[i] = perSecond.get(i);
        }
        return out;
    }

    Map<String, Long> outcomes() {
        Map<String, Long> out = new TreeMap<>();
        outcomes.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    long outcomeCount(String name) {
        LongAdder n = outcomes.get(name);
        return n == null ? 0 : n.sum();
    }

    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        Histogram sorted = latencies();
        out.put("acknowledged", acks());
        out.put("seconds", elapsedSeconds());
        out.put("per_s", ratePerSecond());
        out.put("p50_ms", percentileMillis(sorted, 50));
        out.put("p99_ms", percentileMillis(sorted, 99));
        out.put("max_ms", percentileMillis(sorted, 100));
        out.put("other_outcomes", outcomes());
        return out;
    }
}
