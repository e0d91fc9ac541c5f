package dev.oponn.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the run found, in the shape of the result file: headline figures at the top level (null where a part
 * could not run, with the reason in {@code notes}), the min/median/max of every repetition under {@code details},
 * and the series the HTML report draws under {@code charts}.
 */
final class Report {

    private final Map<String, Object> top = new LinkedHashMap<>();
    private final Map<String, Object> details = new LinkedHashMap<>();
    private final Map<String, Object> charts = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    Report() {
        for (String key : List.of(
                "commit",
                "date",
                "mode",
                "passed",
                "votes_per_s",
                "vote_p50_ms_full_load",
                "vote_p99_ms_full_load",
                "vote_p50_ms_half_load",
                "vote_p99_ms_half_load",
                "baseline_insert_per_s",
                "baseline_http_per_s",
                "baseline_http_insert_per_s",
                "ballot_creations_per_s",
                "cpu_ms_per_vote",
                "server_cores_busy_full_load",
                "database_cores_busy_full_load",
                "load_generator_cores_busy_full_load",
                "machine_cores_busy_full_load",
                "hostile_form_cpu_ms_per_request",
                "refused_form_cpu_ms_per_request",
                "hostile_form_refusals_per_s",
                "fanout_p50_ms_1k_viewers",
                "fanout_p99_ms_1k_viewers",
                "fanout_max_ms_1k_viewers",
                "fanout_p50_ms_10k_viewers",
                "fanout_p99_ms_10k_viewers",
                "fanout_max_ms_10k_viewers",
                "fanout_p50_ms_1000_ballots",
                "fanout_p99_ms_1000_ballots",
                "fanout_max_ms_1000_ballots",
                "baseline_fanout_p99_ms_1k_viewers",
                "baseline_fanout_p99_ms_10k_viewers",
                "baseline_fanout_p99_ms_1000_ballots",
                "heap_bytes_per_viewer",
                "rss_bytes_per_viewer",
                "baseline_heap_bytes_per_viewer",
                "two_instance_votes_per_s",
                "two_instance_fanout_p99_ms",
                "lost_votes",
                "duplicate_votes",
                "viewer_mismatches")) {
            top.put(key, null);
        }
    }

    void put(String key, Object value) {
        top.put(key, value instanceof Double d && d.isNaN() ? null : value);
    }

    Object get(String key) {
        return top.get(key);
    }

    double number(String key) {
        return top.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    void detail(String key, Object value) {
        details.put(key, value);
    }

    void chart(String key, Object value) {
        charts.put(key, value);
    }

    Map<String, Object> charts() {
        return charts;
    }

    Map<String, Object> details() {
        return details;
    }

    void note(String text) {
        notes.add(text);
    }

    List<String> notes() {
        return notes;
    }

    Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>(top);
        out.put("notes", notes);
        out.put("details", details);
        out.put("charts", charts);
        return out;
    }

    /** min/median/max of throughput and latency over repetitions, plus each repetition as it was. */
    static Map<String, Object> summarize(List<Recorder> reps) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "per_s",
                Stats.summary(reps.stream().map(Recorder::ratePerSecond).toList()));
        out.put(
                "p50_ms",
                Stats.summary(reps.stream().map(r -> r.percentileMillis(50)).toList()));
        out.put(
                "p99_ms",
                Stats.summary(reps.stream().map(r -> r.percentileMillis(99)).toList()));
        out.put(
                "max_ms",
                Stats.summary(reps.stream().map(r -> r.percentileMillis(100)).toList()));
        out.put("repetitions", reps.stream().map(Recorder::describe).toList());
        return out;
    }

    static double medianRate(List<Recorder> reps) {
        return Stats.median(reps.stream().map(Recorder::ratePerSecond).toList());
    }

    static double medianPercentile(List<Recorder> reps, double p) {
        return Stats.median(reps.stream().map(r -> r.percentileMillis(p)).toList());
    }

    static long[] histogram(List<Recorder> reps) {
        long[] sum = new long[Histogram.BUCKETS];
        for (Recorder r : reps) {
            sum = Histogram.add(sum, Histogram.bucketize(r.latencies()));
        }
        return sum;
    }
}
