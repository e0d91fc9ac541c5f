package dev.oponn.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One Oponn instance: ballot creation, vote throughput and latency, CPU per vote, the three fan-out scenarios. */
final class OponnPhase {

    private OponnPhase() {}

    static void run(Run run, Path jar, String secret) throws Exception {
        run.progress().phase("Oponn, one instance (no Redis)");
        try (ServerProcess oponn = Oponn.start(run, "oponn-1", jar, secret, null)) {
            Target target = oponn.target();
            String probe = Ballots.create(run, target, 1, "probe").getFirst();
            Optional<String> liveUnavailable = Oponn.liveUnavailable(target, probe, run.nextClient());
            run.progress().line("   live stream: " + liveUnavailable.orElse("available"));
            creations(run, target);
            VoteLoad.Result votes = VoteLoad.measure(run, "one instance", List.of(oponn), true);
            run.report().put("votes_per_s", votes.fullRate());
            run.report().put("vote_p50_ms_full_load", votes.fullP50());
            run.report().put("vote_p99_ms_full_load", votes.fullP99());
            run.report().put("vote_p50_ms_half_load", votes.halfP50());
            run.report().put("vote_p99_ms_half_load", votes.halfP99());
            run.report().put("cpu_ms_per_vote", votes.cpuMsPerVote());
            run.report().detail("votes_one_instance", votes.details());
            run.report().put("server_cores_busy_full_load", votes.serverCores());
            run.report().put("database_cores_busy_full_load", votes.databaseCores());
            run.report().put("load_generator_cores_busy_full_load", votes.generatorCores());
            run.report().put("machine_cores_busy_full_load", votes.machineCores());
            run.report().chart("vote_latency_histogram_full_load", Histogram.describe(votes.fullHistogram()));
            run.report().chart("vote_latency_histogram_half_load", Histogram.describe(votes.halfHistogram()));
            run.report().chart("votes_per_second_full_load", votes.fullTimelines());
            run.report().chart("votes_per_second_half_load", votes.halfTimelines());
            if (liveUnavailable.isPresent()) {
                run.report().note("fan-out and memory per viewer: not available, " + liveUnavailable.get());
            } else {
                fanout(run, oponn);
            }
        }
    }

    private static void creations(Run run, Target target) {
        Options.Scale scale = run.scale();
        run.progress().line("ballot creation (" + run.options().concurrency() + " concurrent creators)");
        int base = run.clients().getAndAdd(run.options().concurrency());
        List<Recorder> reps = new ArrayList<>();
        for (int rep = 0; rep <= scale.reps(); rep++) {
            boolean warmup = rep == 0;
            Recorder r = ClosedLoop.run(
                    warmup ? "creation warm-up" : "creation rep " + rep,
                    run.options().concurrency(),
                    warmup ? Math.min(2, scale.warmupSeconds()) : scale.createSeconds(),
                    w -> target.connection(base + w),
                    createWork(),
                    run.progress());
            if (!warmup) {
                reps.add(r);
                run.progress().line("   rep " + rep + ": " + ClosedLoop.status("creations", r));
            }
        }
        run.report().put("ballot_creations_per_s", Report.medianRate(reps));
        run.report().detail("ballot_creation", Report.summarize(reps));
        long refused =
                reps.stream().mapToLong(r -> r.outcomeCount("status_429")).sum();
        if (refused > 0) {
            run.report()
                    .note("ballot creation: " + refused + " requests were refused with 429 (rate limit); raise it"
                            + " with --server-arg for a ceiling figure");
        }
    }

    /** Each worker is one creator device with its CSRF cookie, posting the create form over and over. */
    private static Work createWork() {
        ThreadLocal<Device> creators = new ThreadLocal<>();
        return connection -> {
            try {
                Device device = creators.get();
                if (device == null) {
                    device = Ballots.creator(connection);
                    creators.set(device);
                }
                HttpResponse created =
                        connection.exchange(Site.createRequest(device, "bench creation", Ballots.OPTIONS));
                device.remember(created);
                return Site.createdBallot(created) != null
                        ? Work.Outcome.ACK
                        : Work.Outcome.other("status_" + created.status());
            } catch (java.io.IOException e) {
                return Work.Outcome.other("io_error");
            }
        };
    }

    private static void fanout(Run run, ServerProcess oponn) throws Exception {
        FanoutScenario.Truth truth = ballots -> run.database().tallies(ballots);
        long mismatches = 0;
        for (FanoutScenario.Plan plan : FanoutPlans.plans(run.scale(), "Oponn", oponn, oponn.target(), true)) {
            Optional<FanoutScenario.Outcome> outcome = FanoutScenario.run(run, plan, run.ledger(), truth);
            String key = FanoutPlans.key(plan);
            run.report()
                    .detail(
                            "fanout_" + key,
                            outcome.map(FanoutScenario.Outcome::details).orElse(null));
            if (outcome.isEmpty()) {
                continue;
            }
            FanoutScenario.Outcome o = outcome.get();
            run.report().put("fanout_p50_ms_" + key, o.p50Ms());
            run.report().put("fanout_p99_ms_" + key, o.p99Ms());
            run.report().put("fanout_max_ms_" + key, o.maxMs());
            run.report().chart("fanout_histogram_" + key, Histogram.describe(o.histogram()));
            mismatches += o.mismatches();
            if (plan.measureMemory()) {
                run.report().put("heap_bytes_per_viewer", o.heapPerViewer());
                run.report().put("rss_bytes_per_viewer", o.rssPerViewer());
            }
        }
        run.report().put("viewer_mismatches", mismatches);
    }
}
