package dev.oponn.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report a person opens: headline figures beside their baselines, ratios and targets, the notes, and charts of
 * latency distribution and throughput over time. One self-contained file: inline CSS and SVG, no script.
 */
final class HtmlReport {

    private record Row(String label, String key, String unit, String baselineKey, String target) {}

    private static final List<Row> ROWS = List.of(
            new Row(
                    "votes/s (sustained, one instance)",
                    "votes_per_s",
                    "/s",
                    "baseline_insert_per_s",
                    "votes_per_s >= baseline_insert_per_s"),
            new Row("votes/s vs bare HTTP", "votes_per_s", "/s", "baseline_http_per_s", null),
            new Row(
                    "votes/s vs bare HTTP + one INSERT per request",
                    "votes_per_s",
                    "/s",
                    "baseline_http_insert_per_s",
                    null),
            new Row(
                    "bare HTTP + INSERT vs the insert baseline",
                    "baseline_http_insert_per_s",
                    "/s",
                    "baseline_insert_per_s",
                    null),
            new Row("vote p50 at full load", "vote_p50_ms_full_load", "ms", null, null),
            new Row("vote p99 at full load", "vote_p99_ms_full_load", "ms", null, null),
            new Row("vote p50 at half load", "vote_p50_ms_half_load", "ms", null, null),
            new Row("vote p99 at half load", "vote_p99_ms_half_load", "ms", null, "vote_p99_ms_half_load < 50"),
            new Row("server CPU per vote", "cpu_ms_per_vote", "ms", null, null),
            new Row(
                    "server CPU per hostile form refused (62 KB, 21,000 values)",
                    "hostile_form_cpu_ms_per_request",
                    "ms",
                    "refused_form_cpu_ms_per_request",
                    null),
            new Row("cores busy at full load: Oponn", "server_cores_busy_full_load", "", null, null),
            new Row("cores busy at full load: PostgreSQL", "database_cores_busy_full_load", "", null, null),
            new Row("cores busy at full load: load generator", "load_generator_cores_busy_full_load", "", null, null),
            new Row("cores busy at full load: whole machine", "machine_cores_busy_full_load", "", null, null),
            new Row("ballot creations/s", "ballot_creations_per_s", "/s", null, null),
            new Row(
                    "fan-out p99, 1k viewers",
                    "fanout_p99_ms_1k_viewers",
                    "ms",
                    "baseline_fanout_p99_ms_1k_viewers",
                    null),
            new Row(
                    "fan-out p99, 10k viewers",
                    "fanout_p99_ms_10k_viewers",
                    "ms",
                    "baseline_fanout_p99_ms_10k_viewers",
                    "fanout_p99_ms_10k_viewers < 1000"),
            new Row("fan-out max, 10k viewers", "fanout_max_ms_10k_viewers", "ms", null, null),
            new Row(
                    "fan-out p99, 1000 ballots x 10",
                    "fanout_p99_ms_1000_ballots",
                    "ms",
                    "baseline_fanout_p99_ms_1000_ballots",
                    null),
            new Row(
                    "heap per viewer",
                    "heap_bytes_per_viewer",
                    "B",
                    "baseline_heap_bytes_per_viewer",
                    "heap_bytes_per_viewer < 51200"),
            new Row("RSS per viewer", "rss_bytes_per_viewer", "B", null, null),
            new Row(
                    "votes/s, two instances",
                    "two_instance_votes_per_s",
                    "/s",
                    "votes_per_s",
                    "two_instance_votes_per_s >= votes_per_s"),
            new Row(
                    "cross-instance fan-out p99",
                    "two_instance_fanout_p99_ms",
                    "ms",
                    null,
                    "two_instance_fanout_p99_ms < 1000"),
            new Row("lost votes", "lost_votes", "", null, null),
            new Row("duplicate votes", "duplicate_votes", "", null, null),
            new Row("viewer mismatches", "viewer_mismatches", "", null, null));

    private HtmlReport() {}

    static String render(Report report) {
        Map<String, Object> data = report.toMap();
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Oponn benchmark ")
                .append(Html.escape(String.valueOf(data.get("commit"))))
                .append("</title><style>")
                .append("body{background:#2e3440;color:#eceff4;font-family:'JetBrains Mono','Fira Code',monospace;")
                .append("margin:2rem auto;max-width:60rem;padding:0 1rem}h1,h2{color:#81a1c1}")
                .append("table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #4c566a;")
                .append("padding:.3rem .5rem;text-align:right}td:first-child,th:first-child{text-align:left}")
                .append(".yes{color:#a3be8c}.no{color:#bf616a}.na{color:#ebcb8b}")
                .append("li{border-left:2px solid #b48ead;padding-left:.5rem;margin:.3rem 0;list-style:none}")
                .append("pre{white-space:pre-wrap;font-size:.8rem;color:#d8dee9}svg{background:#3b4252;margin:1rem 0}")
                .append("</style></head><body>");
        boolean passed = Boolean.TRUE.equals(data.get("passed"));
        html.append("<h1>&gt; oponn benchmark</h1><p>commit <b>")
                .append(Html.escape(String.valueOf(data.get("commit"))))
                .append("</b> · ")
                .append(Html.escape(String.valueOf(data.get("date"))))
                .append(" · mode ")
                .append(Html.escape(String.valueOf(data.get("mode"))))
                .append(" · <span class=\"")
                .append(passed ? "yes\">passed" : "no\">FAILED or incomplete")
                .append("</span></p>");
        figures(html, report);
        notes(html, report.notes());
        charts(html, report.charts());
        html.append("<h2>all figures</h2><details><summary>result file</summary><pre>")
                .append(Html.escape(Json.write(data)))
                .append("</pre></details></body></html>\n");
        return html.toString();
    }

    @SuppressWarnings("unchecked")
    private static void figures(StringBuilder html, Report report) {
        Map<String, Object> targets = report.get("targets") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        html.append("<h2>figures</h2><table><tr><th>figure</th><th>Oponn</th><th>compared with</th>")
                .append("<th>ratio</th><th>target</th></tr>");
        for (Row row : ROWS) {
            double value = report.number(row.key());
            html.append("<tr><td>").append(Html.escape(row.label())).append("</td><td>");
            html.append(amount(value, row.unit())).append("</td><td>");
            if (row.baselineKey() != null) {
                double base = report.number(row.baselineKey());
                html.append(amount(base, row.unit()))
                        .append(" <small>(")
                        .append(Html.escape(row.baselineKey()))
                        .append(")</small></td><td>")
                        .append(
                                Double.isNaN(Stats.ratio(value, base))
                                        ? "–"
                                        : String.format(Locale.ROOT, "%.2f×", Stats.ratio(value, base)));
            } else {
                html.append("</td><td>");
            }
            html.append("</td><td>");
            if (row.target() != null) {
                Object met = targets.get(row.target());
                String css = met == null ? "na" : Boolean.TRUE.equals(met) ? "yes" : "no";
                String word = met == null ? "not measured" : Boolean.TRUE.equals(met) ? "met" : "missed";
                html.append("<span class=\"")
                        .append(css)
                        .append("\">")
                        .append(word)
                        .append("</span>");
            }
            html.append("</td></tr>");
        }
        html.append("</table>");
    }

    private static String amount(double value, String unit) {
        if (Double.isNaN(value)) {
            return "<span class=\"na\">n/a</span>";
        }
        if (unit.equals("B")) {
            return String.format(Locale.ROOT, "%.1f KB", value / 1024);
        }
        String number = value >= 100 || value == Math.rint(value)
                ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
        return number + (unit.isEmpty() ? "" : " " + unit);
    }

    private static void notes(StringBuilder html, List<String> notes) {
        if (notes.isEmpty()) {
            return;
        }
        html.append("<h2>notes</h2><ul>");
        for (String note : notes) {
            html.append("<li>").append(Html.escape(note)).append("</li>");
        }
        html.append("</ul>");
    }

    private static void charts(StringBuilder html, Map<String, Object> charts) {
        html.append("<h2>charts</h2>");
        List<Svg.Series> votes = new ArrayList<>();
        addHistogram(votes, "full load", charts.get("vote_latency_histogram_full_load"));
        addHistogram(votes, "half load", charts.get("vote_latency_histogram_half_load"));
        if (!votes.isEmpty()) {
            html.append(Svg.lineChart(
                    "vote latency distribution (one instance)", "latency", "% of votes", votes, decadeTicks()));
        }
        List<Svg.Series> fanout = new ArrayList<>();
        for (String key : new String[] {"1k_viewers", "10k_viewers", "1000_ballots"}) {
            addHistogram(fanout, "Oponn " + key, charts.get("fanout_histogram_" + key));
            addHistogram(fanout, "bare SSE " + key, charts.get("baseline_fanout_histogram_" + key));
        }
        if (!fanout.isEmpty()) {
            html.append(Svg.lineChart(
                    "fan-out latency distribution (acknowledgement to arrival)",
                    "latency",
                    "% of deliveries",
                    fanout,
                    decadeTicks()));
        }
        timeline(
                html,
                "votes per second over time, full load (each repetition)",
                charts.get("votes_per_second_full_load"));
        timeline(
                html,
                "votes per second over time, half load (each repetition)",
                charts.get("votes_per_second_half_load"));
        timeline(html, "votes per second over time, two instances", charts.get("votes_per_second_two_instances"));
    }

    private static void addHistogram(List<Svg.Series> series, String name, Object chart) {
        if (!(chart instanceof Map<?, ?> map) || !(map.get("counts") instanceof long[] counts)) {
            return;
        }
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            return;
        }
        double[] percent = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            percent[i] = 100.0 * counts[i] / total;
        }
        series.add(new Svg.Series(name, percent));
    }

    private static List<Svg.Tick> decadeTicks() {
        List<Svg.Tick> ticks = new ArrayList<>();
        String[] labels = {"0.1 ms", "1 ms", "10 ms", "100 ms", "1 s", "10 s", "100 s"};
        for (int k = 1; k <= 7; k++) {
            ticks.add(new Svg.Tick(k * Histogram.PER_DECADE - 1, labels[k - 1]));
        }
        return ticks;
    }

    private static void timeline(StringBuilder html, String title, Object chart) {
        if (!(chart instanceof List<?> reps) || reps.isEmpty()) {
            return;
        }
        List<Svg.Series> series = new ArrayList<>();
        int longest = 0;
        for (int i = 0; i < reps.size(); i++) {
            if (reps.get(i) instanceof long[] perSecond) {
                double[] ys = new double[perSecond.length];
                for (int s = 0; s < perSecond.length; s++) {
                    ys[s] = perSecond[s];
                }
                longest = Math.max(longest, ys.length);
                series.add(new Svg.Series("repetition " + (i + 1), ys));
            }
        }
        List<Svg.Tick> ticks = new ArrayList<>();
        int step = longest > 30 ? 10 : longest > 10 ? 5 : 1;
        for (int s = 0; s < longest; s += step) {
            ticks.add(new Svg.Tick(s, s + " s"));
        }
        html.append(
                Svg.lineChart(title, "seconds into the repetition", "votes acknowledged per second", series, ticks));
    }
}
