package dev.oponn.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The machine's ceilings, measured in the same run as Oponn: database inserts, bare HTTP, bare SSE fan-out. */
final class BaselinePhase {

    private BaselinePhase() {}

    static void run(Run run) throws Exception {
        inserts(run);
        http(run);
        httpInsert(run);
        sse(run);
    }

    private static void inserts(Run run) throws Exception {
        Options.Scale scale = run.scale();
        run.progress()
                .phase("baseline: durable single-row INSERTs (pool 10, "
                        + run.options().concurrency() + " callers)");
        String syncCommit = run.database().setting("synchronous_commit");
        String fsync = run.database().setting("fsync");
        run.report()
                .detail(
                        "postgres",
                        Map.of(
                                "version",
                                run.database().serverVersion(),
                                "synchronous_commit",
                                syncCommit,
                                "fsync",
                                fsync));
        if (!syncCommit.equals("on") || !fsync.equals("on")) {
            run.report()
                    .note("PostgreSQL runs with synchronous_commit=" + syncCommit + ", fsync=" + fsync
                            + ": the insert baseline (and Oponn) are not durable on this server");
        }
        List<Recorder> reps = new ArrayList<>();
        try (InsertBaseline baseline = new InsertBaseline(run.database(), 10)) {
            baseline.run(run.options().concurrency(), Math.min(2, scale.warmupSeconds()), run.progress());
            for (int rep = 1; rep <= scale.reps(); rep++) {
                Recorder r = baseline.run(run.options().concurrency(), scale.baselineSeconds(), run.progress());
                run.progress().line("   rep " + rep + ": " + ClosedLoop.status("inserts", r));
                reps.add(r);
            }
        }
        run.report().put("baseline_insert_per_s", Report.medianRate(reps));
        run.report().detail("baseline_insert", Report.summarize(reps));
    }

    private static void http(Run run) throws Exception {
        run.progress().phase("baseline: bare JDK HttpServer, 200-byte body");
        try (ServerProcess server = startBare(run, "bare-http", BareHttpServer.class)) {
            closedLoop(run, server, "bare http", "baseline_http");
        }
    }

    /** HTTP and a durable INSERT per request together: what the two cores allow any per-vote-commit server. */
    private static void httpInsert(Run run) throws Exception {
        run.progress().phase("baseline: bare JDK HttpServer + one durable INSERT per request (pool 10)");
        try (ServerProcess server =
                startBare(run, "bare-vote", BareVoteServer.class, run.database().url())) {
            closedLoop(run, server, "bare http+insert", "baseline_http_insert");
        }
    }

    private static void closedLoop(Run run, ServerProcess server, String label, String key) throws Exception {
        Options.Scale scale = run.scale();
        Device device = new Device();
        Work post = connection -> {
            try {
                HttpResponse r = connection.exchange(Site.voteRequest(device, "baseline", 1));
                return r.status() == 200 ? Work.Outcome.ACK : Work.Outcome.other("status_" + r.status());
            } catch (java.io.IOException e) {
                return Work.Outcome.other("io_error");
            }
        };
        int base = run.clients().getAndAdd(run.options().concurrency());
        ClosedLoop.run(
                "warm-up",
                run.options().concurrency(),
                scale.warmupSeconds(),
                w -> server.target().connection(base + w),
                post,
                run.progress());
        List<Recorder> reps = new ArrayList<>();
        for (int rep = 1; rep <= scale.reps(); rep++) {
            reps.add(ClosedLoop.run(
                    label + " rep " + rep,
                    run.options().concurrency(),
                    scale.baselineSeconds(),
                    w -> server.target().connection(base + w),
                    post,
                    run.progress()));
            run.progress().line("   rep " + rep + ": " + ClosedLoop.status(label, reps.getLast()));
        }
        run.report().put(key + "_per_s", Report.medianRate(reps));
        run.report().detail(key, Report.summarize(reps));
    }

    private static void sse(Run run) throws Exception {
        Options.Scale scale = run.scale();
        run.progress().phase("baseline: bare JDK SSE server");
        VoteLedger ledger = new VoteLedger();
        FanoutScenario.Truth truth = ballots -> {
            Map<String, Map<Integer, Long>> out = new TreeMap<>();
            for (String b : ballots) {
                out.put(b, ledger.acknowledged(b));
            }
            return out;
        };
        // A fresh server per scenario: the bare server only notices a departed viewer when a write to it fails, so
        // the previous scenario's closed streams would otherwise hold its file descriptors.
        for (int scenario = 0; scenario < 3; scenario++) {
            try (ServerProcess server = startBare(run, "bare-sse", BareSseServer.class)) {
                FanoutScenario.Plan plan = FanoutPlans.plans(scale, "baseline", server, server.target(), false)
                        .get(scenario);
                Optional<FanoutScenario.Outcome> outcome = FanoutScenario.run(run, plan, ledger, truth);
                String key = FanoutPlans.key(plan);
                run.report()
                        .detail(
                                "baseline_fanout_" + key,
                                outcome.map(FanoutScenario.Outcome::details).orElse(null));
                outcome.ifPresent(o -> {
                    run.report().put("baseline_fanout_p99_ms_" + key, o.p99Ms());
                    run.report().chart("baseline_fanout_histogram_" + key, Histogram.describe(o.histogram()));
                    if (plan.measureMemory()) {
                        run.report().put("baseline_heap_bytes_per_viewer", o.heapPerViewer());
                    }
                });
            }
        }
    }

    private static ServerProcess startBare(Run run, String name, Class<?> main, String... args) throws Exception {
        int port = ServerProcess.freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                main.getName(),
                Integer.toString(port)));
        command.addAll(List.of(args));
        return ServerProcess.start(
                name,
                command,
                Map.of(),
                port,
                "/health",
                run.options().workDir().resolve("logs"),
                60,
                run.progress());
    }
}
