package dev.oponn.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * One measured run: the latency of every acknowledged request (kept whole, so percentiles are exact), the
 * acknowledgements per second since the start (throughput over time), and every other outcome by name. Samples
 * beyond {@code maxSamples} are counted but not kept, which bounds memory on a long run.
 */
final class Recorder {

    private static final int MAX_SECONDS = 3600;

    private final long startNanos;
    private final int maxSamples;
    private final AtomicLongArray perSecond = new AtomicLongArray(MAX_SECONDS);
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final LongAdder acks = new LongAdder();
    private long[] samples = new long[4096];
    private int size;
    private long dropped;
    private volatile long endNanos;

    Recorder(int maxSamples) {
        this(maxSamples, System.nanoTime());
    }

    Recorder(int maxSamples, long startNanos) {
        this.startNanos = startNanos;
        this.maxSamples = maxSamples;
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
        if (size == maxSamples) {
            dropped++;
            return;
        }
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, Math.min(maxSamples, samples.length * 2));
        }
        samples[size++] = latencyNanos;
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

    synchronized long[] sortedSamples() {
        return Stats.sortedCopy(samples, size);
    }

    /** Latency percentile in milliseconds, NaN with no samples. */
    double percentileMillis(double p) {
        return Stats.nanosToMillis(Stats.percentile(sortedSamples(), p));
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
        long[] sorted = sortedSamples();
        out.put("acknowledged", acks());
        out.put("seconds", elapsedSeconds());
        out.put("per_s", ratePerSecond());
        out.put("p50_ms", Stats.nanosToMillis(Stats.percentile(sorted, 50)));
        out.put("p99_ms", Stats.nanosToMillis(Stats.percentile(sorted, 99)));
        out.put("max_ms", Stats.nanosToMillis(Stats.percentile(sorted, 100)));
        out.put("other_outcomes", outcomes());
        if (dropped > 0) {
            out.put("samples_not_kept", dropped);
        }
        return out;
    }
}
