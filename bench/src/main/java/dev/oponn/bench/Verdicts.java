package dev.oponn.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** Oponn's figures as ratios to the baselines, and each target of the issue as met, missed or not measured. */
final class Verdicts {

    private Verdicts() {}

    static void addRatiosAndTargets(Report report) {
        Map<String, Object> ratios = new LinkedHashMap<>();
        ratios.put("votes_to_baseline_insert", ratio(report, "votes_per_s", "baseline_insert_per_s"));
        ratios.put("votes_to_baseline_http", ratio(report, "votes_per_s", "baseline_http_per_s"));
        ratios.put("votes_to_baseline_http_insert", ratio(report, "votes_per_s", "baseline_http_insert_per_s"));
        ratios.put(
                "baseline_http_insert_to_baseline_insert",
                ratio(report, "baseline_http_insert_per_s", "baseline_insert_per_s"));
        ratios.put("two_instance_votes_to_one_instance", ratio(report, "two_instance_votes_per_s", "votes_per_s"));
        for (String key : new String[] {"1k_viewers", "10k_viewers", "1000_ballots"}) {
            ratios.put(
                    "fanout_p99_" + key + "_to_baseline",
                    ratio(report, "fanout_p99_ms_" + key, "baseline_fanout_p99_ms_" + key));
        }
        ratios.put(
                "heap_per_viewer_to_baseline",
                ratio(report, "heap_bytes_per_viewer", "baseline_heap_bytes_per_viewer"));
        ratios.put(
                "hostile_form_cpu_to_refused_form",
                ratio(report, "hostile_form_cpu_ms_per_request", "refused_form_cpu_ms_per_request"));
        ratios.put(
                "multiple_to_single_votes", ratio(report, "method_votes_per_s_multiple", "method_votes_per_s_single"));
        ratios.put("ranked_to_single_votes", ratio(report, "method_votes_per_s_ranked", "method_votes_per_s_single"));
        report.put("ratios", ratios);

        Map<String, Object> targets = new LinkedHashMap<>();
        targets.put(
                "votes_per_s >= baseline_insert_per_s",
                atLeast(report.number("votes_per_s"), report.number("baseline_insert_per_s")));
        targets.put("vote_p99_ms_half_load < 50", below(report.number("vote_p99_ms_half_load"), 50));
        targets.put("fanout_p99_ms_10k_viewers < 1000", below(report.number("fanout_p99_ms_10k_viewers"), 1000));
        targets.put("heap_bytes_per_viewer < 51200", below(report.number("heap_bytes_per_viewer"), 50 * 1024));
        targets.put(
                "two_instance_votes_per_s >= votes_per_s",
                atLeast(report.number("two_instance_votes_per_s"), report.number("votes_per_s")));
        targets.put("two_instance_fanout_p99_ms < 1000", below(report.number("two_instance_fanout_p99_ms"), 1000));
        for (String method : new String[] {"multiple", "ranked"}) {
            double single = report.number("method_votes_per_s_single");
            targets.put(
                    "method_votes_per_s_" + method + " >= 0.8 * method_votes_per_s_single",
                    atLeast(
                            report.number("method_votes_per_s_" + method),
                            Double.isNaN(single) ? single : 0.8 * single));
        }
        report.put("targets", targets);
        explainVoteLimit(report);
    }

    /** When Oponn's votes/s stays under the insert baseline, says where the cores went at full load. */
    static void explainVoteLimit(Report report) {
        if (!Boolean.FALSE.equals(atLeast(report.number("votes_per_s"), report.number("baseline_insert_per_s")))) {
            return;
        }
        double server = report.number("server_cores_busy_full_load");
        double database = report.number("database_cores_busy_full_load");
        double generator = report.number("load_generator_cores_busy_full_load");
        double machine = report.number("machine_cores_busy_full_load");
        if (Double.isNaN(server) || Double.isNaN(database) || Double.isNaN(generator) || Double.isNaN(machine)) {
            return;
        }
        report.note(String.format(
                        java.util.Locale.ROOT,
                        "votes/s is below the insert baseline. At full load, of %d cores: Oponn %.2f, PostgreSQL"
                                + " backends %.2f, load generator %.2f, whole machine %.2f (%.2f ms of Oponn CPU per"
                                + " vote). ",
                        Runtime.getRuntime().availableProcessors(),
                        server,
                        database,
                        generator,
                        machine,
                        report.number("cpu_ms_per_vote"))
                + diagnosis(Runtime.getRuntime().availableProcessors(), server + database + generator, machine)
                + ceiling(report));
    }

    /** What the bare HTTP + INSERT baseline says about the insert target on this machine. */
    static String ceiling(Report report) {
        double bare = report.number("baseline_http_insert_per_s");
        double inserts = report.number("baseline_insert_per_s");
        double votes = report.number("votes_per_s");
        if (Double.isNaN(bare) || Double.isNaN(inserts) || Double.isNaN(votes)) {
            return "";
        }
        String verdict = bare < inserts
                ? "so on these cores HTTP and a durable write per request together cannot reach the insert baseline,"
                        + " whatever the framework"
                : "so the insert baseline is within reach of a server with no framework";
        return String.format(
                java.util.Locale.ROOT,
                " A bare JDK HTTP server making one durable INSERT per request reached %.0f/s (%.2f of the insert"
                        + " baseline), %s; Oponn reached %.2f of that server.",
                bare,
                bare / inserts,
                verdict,
                votes / bare);
    }

    /**
     * Reads the cores: busy with other people's work means the figures understate Oponn; saturated by the run
     * means CPU per vote is the limit; idle means the votes waited (commit flushes, locks).
     */
    static String diagnosis(int cores, double run, double machine) {
        if (machine >= 0.85 * cores && run < 0.7 * machine) {
            return String.format(
                    java.util.Locale.ROOT,
                    "Other processes used %.2f cores: the machine was not quiet, so these figures understate Oponn;"
                            + " rerun on a quiet machine before reading a limit from them.",
                    machine - run);
        }
        if (machine >= 0.85 * cores) {
            return "The cores were saturated by the run, so CPU per vote is the limit: a leaner request path (filter"
                    + " chain, rendering, logging) is the lever; the PostgreSQL share says what fewer commits (group"
                    + " commit) would save.";
        }
        return "The cores were not saturated, so votes waited (commit flushes, row locks): committing the votes of"
                + " many requests together (group commit) is the lever.";
    }

    private static Object ratio(Report report, String numerator, String denominator) {
        double r = Stats.ratio(report.number(numerator), report.number(denominator));
        return Double.isNaN(r) ? null : r;
    }

    /** true, false, or null when either figure is missing. */
    static Boolean atLeast(double value, double floor) {
        return Double.isNaN(value) || Double.isNaN(floor) ? null : value >= floor;
    }

    static Boolean below(double value, double ceiling) {
        return Double.isNaN(value) ? null : value < ceiling;
    }
}
