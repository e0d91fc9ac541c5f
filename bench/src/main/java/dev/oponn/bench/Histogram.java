package dev.oponn.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Latency counts in logarithmic buckets (ten per decade from 10 µs to 100 s), the form the report's distribution
 * chart draws and the result file keeps, made from a {@link Recorder}'s HdrHistogram.
 */
final class Histogram {

    static final double FIRST_EDGE_MS = 0.01;
    static final int PER_DECADE = 10;
    static final int BUCKETS = 7 * PER_DECADE;

    private Histogram() {}

    /** The chart's buckets of latencies recorded in nanoseconds. */
    static long[] bucketize(org.HdrHistogram.Histogram latenciesNanos) {
        long[] counts = new long[BUCKETS];
        for (HistogramIterationValue value : latenciesNanos.recordedValues()) {
            counts[bucketOf(value.getValueIteratedTo() / 1e6)] += value.getCountAtValueIteratedTo();
        }
        return counts;
    }

    static int bucketOf(double millis) {
        if (millis <= FIRST_EDGE_MS) {
            return 0;
        }
        int b = (int) Math.floor(Math.log10(millis / FIRST_EDGE_MS) * PER_DECADE);
        return Math.max(0, Math.min(BUCKETS - 1, b));
    }

    /** Upper edge of bucket {@code b} in milliseconds. */
    static double upperEdgeMillis(int b) {
        return FIRST_EDGE_MS * Math.pow(10, (b + 1) / (double) PER_DECADE);
    }

    static Map<String, Object> describe(long[] counts) {
        List<Double> edges = new ArrayList<>();
        for (int b = 0; b < counts.length; b++) {
            edges.add(upperEdgeMillis(b));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("upper_edges_ms", edges);
        out.put("counts", counts);
        return out;
    }

    static long[] add(long[] a, long[] b) {
        long[] sum = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }
}
