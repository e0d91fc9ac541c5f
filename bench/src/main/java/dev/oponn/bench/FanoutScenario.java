package dev.oponn.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One fan-out scenario against one server: create ballots, connect viewers (measuring the server's heap and RSS
 * before and after when asked), probe the repetitions, then check that every viewer's last fragment shows the
 * true tally.
 */
final class FanoutScenario {

    /** Where the true tally comes from: the database for Oponn, the ledger for the bare server. */
    @FunctionalInterface
    interface Truth {
        Map<String, Map<Integer, Long>> tallies(List<String> ballots) throws Exception;
    }

    /**
     * @param viewerServer where the viewers connect; {@code voteServer} is where votes go (the same server, or the
     *     other instance for the cross-instance scenario)
     * @param checkRelease after the viewers leave, wait for the server to close their connections and report it
     */
    record Plan(
            String label,
            ServerProcess viewerServer,
            Target voteServer,
            int ballots,
            int viewersPerBallot,
            int votesPerRep,
            int parallel,
            boolean measureMemory,
            boolean checkRelease) {}

    record Outcome(
            Map<String, Object> details,
            double p50Ms,
            double p99Ms,
            double maxMs,
            double heapPerViewer,
            double rssPerViewer,
            long mismatches,
            long[] histogram) {}

    private FanoutScenario() {}

    static Optional<Outcome> run(Run run, Plan plan, VoteLedger ledger, Truth truth) throws Exception {
        long filesBefore = plan.viewerServer().openFiles();
        Optional<Outcome> outcome = measure(run, plan, ledger, truth);
        if (plan.checkRelease()) {
            outcome.ifPresent(o -> awaitStreamsReleased(run, plan, filesBefore, o.details()));
        }
        return outcome;
    }

    /**
     * After the viewers leave, the server must let their connections go (no leak). Waits, bounded, until its open
     * files are back near where they were before the viewers came, so the next scenario starts clean, and reports
     * what it saw.
     */
    private static void awaitStreamsReleased(Run run, Plan plan, long before, Map<String, Object> details) {
        ServerProcess server = plan.viewerServer();
        long deadline = System.nanoTime() + 60_000_000_000L;
        long now = server.openFiles();
        while (before >= 0 && now > before + 50 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(250_000_000L);
            now = server.openFiles();
        }
        details.put("server_open_files_before_viewers", before);
        details.put("server_open_files_after_viewers_left", now);
        if (before >= 0 && now > before + 50) {
            run.report()
                    .note(plan.label() + ": 60 s after its viewers left, " + server.name() + " still held "
                            + (now - before) + " more open files than before they came");
        }
    }

    private static Optional<Outcome> measure(Run run, Plan plan, VoteLedger ledger, Truth truth) throws Exception {
        Progress progress = run.progress();
        Options.Scale scale = run.scale();
        progress.line(plan.label() + ": " + plan.ballots() + " ballot(s) x " + plan.viewersPerBallot() + " viewers");
        List<String> ballots = Ballots.create(run, plan.voteServer(), plan.ballots(), plan.label());
        int votesPerBallot = (plan.votesPerRep() + plan.ballots() - 1) / plan.ballots();
        int maxVersion = scale.reps() * votesPerBallot + 16;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ballots", plan.ballots());
        details.put("viewers_per_ballot", plan.viewersPerBallot());
        details.put("votes_per_repetition", plan.votesPerRep());
        long heapBefore = plan.measureMemory() ? plan.viewerServer().heapUsedAfterGc() : -1;
        long rssBefore = plan.measureMemory() ? plan.viewerServer().rssBytes() : -1;
        try (ViewerGroup group = new ViewerGroup(
                plan.viewerServer().target(),
                ballots,
                plan.viewersPerBallot(),
                maxVersion,
                run.clients().getAndAdd(plan.ballots() * plan.viewersPerBallot()))) {
            boolean inTime = group.connect(scale.connectTimeoutSeconds(), progress);
            long live = group.live();
            details.put("viewers_connected", live);
            details.put("viewers_requested", group.size());
            if (!group.failures().isEmpty()) {
                details.put("viewer_failures", group.failures());
            }
            progress.line("   " + live + " of " + group.size() + " viewers live" + (inTime ? "" : " (timed out)"));
            if (live < group.size()) {
                run.report()
                        .note(plan.label() + ": only " + live + " of " + group.size() + " viewers connected"
                                + (inTime ? "" : " within " + scale.connectTimeoutSeconds() + " s") + "; failures: "
                                + group.failures());
            }
            if (live == 0) {
                return Optional.empty();
            }
            double heapPerViewer = Double.NaN;
            double rssPerViewer = Double.NaN;
            if (plan.measureMemory()) {
                long heapAfter = plan.viewerServer().heapUsedAfterGc();
                long rssAfter = plan.viewerServer().rssBytes();
                if (heapBefore > 0 && heapAfter > 0) {
                    heapPerViewer = (double) (heapAfter - heapBefore) / live;
                }
                if (rssBefore > 0 && rssAfter > 0) {
                    rssPerViewer = (double) (rssAfter - rssBefore) / live;
                }
                details.put("heap_used_after_gc_before_bytes", heapBefore);
                details.put("heap_used_after_gc_after_bytes", heapAfter);
                details.put("rss_before_bytes", rssBefore);
                details.put("rss_after_bytes", rssAfter);
                details.put("heap_bytes_per_viewer", heapPerViewer);
                details.put("rss_bytes_per_viewer", rssPerViewer);
            }
            FanoutProbe probe = new FanoutProbe(
                    plan.voteServer(), group, ballots, ledger, run.clients().getAndAdd(plan.parallel() + 1));
            List<Recorder> deliveries = new ArrayList<>();
            List<Recorder> wholeVotes = new ArrayList<>();
            long missed = 0;
            long beforeAck = 0;
            for (int rep = 1; rep <= scale.reps(); rep++) {
                FanoutProbe.FanoutRep r = probe.rep(plan.votesPerRep(), plan.parallel());
                deliveries.add(r.deliveries());
                wholeVotes.add(r.wholeVote());
                missed += r.missed();
                beforeAck += r.beforeAck();
                progress.line(String.format(
                        "   rep %d/%d: %d votes, %d deliveries, p50 %.1f ms, p99 %.1f ms, max %.1f ms, missed %d%s",
                        rep,
                        scale.reps(),
                        r.wholeVote().acks(),
                        r.deliveries().acks(),
                        r.deliveries().percentileMillis(50),
                        r.deliveries().percentileMillis(99),
                        r.deliveries().percentileMillis(100),
                        r.missed(),
                        r.deliveries().outcomes().isEmpty()
                                ? ""
                                : ", " + r.deliveries().outcomes()));
            }
            details.put("deliveries", Report.summarize(deliveries));
            details.put("vote_reached_every_viewer", Report.summarize(wholeVotes));
            details.put("missed_deliveries", missed);
            details.put("arrived_before_ack", beforeAck);
            if (missed > 0) {
                run.report().note(plan.label() + ": " + missed + " deliveries did not arrive within 15 s");
            }
            long mismatches = checkViewers(group, ballots, truth, details);
            if (mismatches > 0) {
                run.report().note(plan.label() + ": " + mismatches + " viewers' last event differs from the tally");
            }
            return Optional.of(new Outcome(
                    details,
                    Report.medianPercentile(deliveries, 50),
                    Report.medianPercentile(deliveries, 99),
                    Report.medianPercentile(deliveries, 100),
                    heapPerViewer,
                    rssPerViewer,
                    mismatches,
                    Report.histogram(deliveries)));
        }
    }

    /** Viewers whose last fragment does not show the true count of every option (or is not a panel at all). */
    private static long checkViewers(ViewerGroup group, List<String> ballots, Truth truth, Map<String, Object> details)
            throws Exception {
        Map<String, Map<Integer, Long>> tallies = truth.tallies(ballots);
        long mismatches = 0;
        List<String> examples = new ArrayList<>();
        for (Viewer viewer : group.viewers()) {
            if (!viewer.live()) {
                continue;
            }
            Map<Integer, Long> expected = tallies.getOrDefault(viewer.ballot(), Map.of());
            Optional<PanelTally> shown = PanelTally.parse(viewer.lastData());
            if (shown.isEmpty() || !shown.get().matches(expected)) {
                mismatches++;
                if (examples.size() < 3) {
                    examples.add(viewer.ballot() + ": shows "
                            + shown.map(PanelTally::counts).orElse(null) + ", truth " + expected);
                }
            }
        }
        details.put("viewer_mismatches", mismatches);
        if (!examples.isEmpty()) {
            details.put("viewer_mismatch_examples", examples);
        }
        return mismatches;
    }
}
