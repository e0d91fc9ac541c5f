package dev.oponn.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The min/median/max summaries every figure is reported with (latency percentiles come from {@link Recorder}). */
final class Stats {

    private Stats() {}

    /** Median of the repetitions; with an even count, the mean of the middle two. NaN values are left out. */
    static double median(List<Double> values) {
        double[] clean = values.stream()
                .filter(v -> v != null && !v.isNaN())
                .mapToDouble(Double::doubleValue)
                .sorted()
                .toArray();
        if (clean.length == 0) {
            return Double.NaN;
        }
        int mid = clean.length / 2;
        return clean.length % 2 == 1 ? clean[mid] : (clean[mid - 1] + clean[mid]) / 2;
    }

    /** {@code {"min":..,"median":..,"max":..,"reps":[..]}}; null entries where a repetition produced nothing. */
    static Map<String, Object> summary(List<Double> reps) {
        Map<String, Object> out = new LinkedHashMap<>();
        double[] clean = reps.stream()
                .filter(v -> v != null && !v.isNaN())
                .mapToDouble(Double::doubleValue)
                .toArray();
        out.put("min", clean.length == 0 ? null : Arrays.stream(clean).min().getAsDouble());
        out.put("median", clean.length == 0 ? null : median(reps));
        out.put("max", clean.length == 0 ? null : Arrays.stream(clean).max().getAsDouble());
        out.put("reps", reps);
        return out;
    }

    static double nanosToMillis(double nanos) {
        return nanos / 1_000_000.0;
    }

    /** A ratio, or NaN when either side is missing, so a ratio is never made up from a figure that was not measured. */
    static double ratio(double numerator, double denominator) {
        if (Double.isNaN(numerator) || Double.isNaN(denominator) || denominator == 0) {
            return Double.NaN;
        }
        return numerator / denominator;
    }
}
