package dev.oponn.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Vote throughput and latency against one or more instances: a warm-up, then closed-loop repetitions at full
 * speed (the sustained rate, CPU per vote), then open-loop repetitions at half that rate (latency when not
 * saturated). Connections alternate between the instances, so two instances share the load evenly.
 */
final class VoteLoad {

    /** Slots prepared per second of a repetition before any rate is known. */
    private static final double FIRST_GUESS_PER_S = 4000;

    /** Warm-up ends when the last three windows' rates are within this fraction of each other. */
    private static final double STEADY = 0.05;

    private static final int MAX_WARMUP_WINDOWS = 12;

    private VoteLoad() {}

    record Result(
            double fullRate,
            double fullP50,
            double fullP99,
            double halfP50,
            double halfP99,
            double cpuMsPerVote,
            double serverCores,
            double databaseCores,
            double generatorCores,
            double machineCores,
            Map<String, Object> details,
            long[] fullHistogram,
            long[] halfHistogram,
            List<long[]> fullTimelines,
            List<long[]> halfTimelines) {}

    static boolean steady(List<Double> rates) {
        if (rates.size() < 3) {
            return false;
        }
        List<Double> last = rates.subList(rates.size() - 3, rates.size());
        double max = last.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double min = last.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        return max > 0 && (max - min) <= STEADY * max;
    }

    static Result measure(Run run, String label, List<ServerProcess> servers, boolean halfLoad) throws Exception {
        Options.Scale scale = run.scale();
        int concurrency = run.options().concurrency();
        Target first = servers.getFirst().target();
        run.progress().line("votes, " + label + " (" + scale.voteBallots() + " ballots, " + concurrency + " senders)");
        List<VoteBallot> ballots =
                Ballots.withOptions(run, first, Ballots.create(run, first, scale.voteBallots(), "votes " + label));
        DevicePool devices = new DevicePool(ballots);
        int base = run.clients().getAndAdd(4096);
        IntFunction<HttpConnection> connections =
                w -> servers.get(w % servers.size()).target().connection(base + w % 4096);
        Work vote = devices.voteWork(run.ledger());

        run.database().checkpoint();
        // Every instance is a cold JVM, and on two cores two JVMs compile at once: the JIT alone took more CPU than
        // the requests in the first seconds. Warm up in windows until two in a row agree, so the repetitions
        // measure the service, not its compiler.
        double window = scale.warmupSeconds() * servers.size();
        double estimate = 100;
        List<Double> warmupRates = new ArrayList<>();
        for (int w = 1; w <= MAX_WARMUP_WINDOWS && !steady(warmupRates); w++) {
            devices.ensureFreeSlots((long) (Math.max(FIRST_GUESS_PER_S, 2 * estimate) * window), first, run.progress());
            Recorder warmup =
                    ClosedLoop.run(label + " warm-up " + w, concurrency, window, connections, vote, run.progress());
            warmupRates.add(warmup.ratePerSecond());
            estimate = Math.max(estimate, warmup.ratePerSecond());
        }

        List<Recorder> full = new ArrayList<>();
        List<Double> cpuPerVote = new ArrayList<>();
        List<Double> serverCores = new ArrayList<>();
        List<Double> databaseCores = new ArrayList<>();
        List<Double> generatorCores = new ArrayList<>();
        List<Double> machineCores = new ArrayList<>();
        CpuClock clock = servers.getFirst().cpu();
        String database = run.database().name();
        for (int rep = 1; rep <= scale.reps(); rep++) {
            devices.ensureFreeSlots((long) (estimate * 2 * scale.voteSeconds()), first, run.progress());
            long cpu0 = cpu(servers);
            long db0 = clock.databaseBackendsNanos(database);
            long self0 = clock.selfNanos();
            long machine0 = clock.machineBusyNanos();
            Recorder r = ClosedLoop.run(
                    label + " full load rep " + rep,
                    concurrency,
                    scale.voteSeconds(),
                    connections,
                    vote,
                    run.progress());
            long cpu1 = cpu(servers);
            long db1 = clock.databaseBackendsNanos(database);
            long self1 = clock.selfNanos();
            long machine1 = clock.machineBusyNanos();
            double wall = r.elapsedSeconds() * 1e9;
            full.add(r);
            cpuPerVote.add(cpu0 < 0 || cpu1 < 0 || r.acks() == 0 ? Double.NaN : (cpu1 - cpu0) / 1e6 / r.acks());
            serverCores.add(cpu0 < 0 || cpu1 < 0 ? Double.NaN : (cpu1 - cpu0) / wall);
            databaseCores.add(db0 < 0 || db1 < 0 ? Double.NaN : (db1 - db0) / wall);
            generatorCores.add(self0 < 0 || self1 < 0 ? Double.NaN : (self1 - self0) / wall);
            machineCores.add(machine0 < 0 || machine1 < 0 ? Double.NaN : (machine1 - machine0) / wall);
            estimate = Math.max(estimate, r.ratePerSecond());
            run.progress()
                    .line(String.format(
                            "   rep %d: %.0f votes/s, p50 %.1f ms, p99 %.1f ms, server CPU %.3f ms/vote%s",
                            rep,
                            r.ratePerSecond(),
                            r.percentileMillis(50),
                            r.percentileMillis(99),
                            cpuPerVote.getLast(),
                            r.outcomes().isEmpty() ? "" : ", other: " + r.outcomes()));
            exhausted(run, label, r);
        }
        double rate = Report.medianRate(full);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ballots", ballots.size());
        details.put("warmup_windows_per_s", warmupRates);
        details.put(
                "database_checkpoint",
                "forced before the warm-up, so that PostgreSQL's timed checkpoint does not start inside a repetition");
        details.put("concurrency", concurrency);
        details.put("full_load", Report.summarize(full));
        details.put("server_cpu_ms_per_vote", Stats.summary(cpuPerVote));
        // Cores busy during the full-load repetitions: which of server, database and load generator used the
        // machine tells a CPU limit from a waiting (commit, lock) limit.
        details.put("server_cores_busy", Stats.summary(serverCores));
        details.put("database_backends_cores_busy", Stats.summary(databaseCores));
        details.put("load_generator_cores_busy", Stats.summary(generatorCores));
        details.put("machine_cores_busy", Stats.summary(machineCores));
        details.put("cores", Runtime.getRuntime().availableProcessors());

        List<Recorder> half = new ArrayList<>();
        if (halfLoad && rate > 0) {
            double target = rate / 2;
            details.put("half_load_target_per_s", target);
            for (int rep = 1; rep <= scale.reps(); rep++) {
                devices.ensureFreeSlots((long) (target * 1.2 * scale.voteSeconds()) + 100, first, run.progress());
                Recorder r = OpenLoop.run(
                        label + " half load rep " + rep,
                        target,
                        scale.voteSeconds(),
                        4 * concurrency + 1000,
                        connections,
                        vote,
                        run.progress());
                half.add(r);
                run.progress()
                        .line(String.format(
                                "   rep %d at %.0f/s: p50 %.1f ms, p99 %.1f ms%s",
                                rep,
                                target,
                                r.percentileMillis(50),
                                r.percentileMillis(99),
                                r.outcomes().isEmpty() ? "" : ", other: " + r.outcomes()));
                exhausted(run, label, r);
            }
            details.put("half_load", Report.summarize(half));
        }
        return new Result(
                rate,
                Report.medianPercentile(full, 50),
                Report.medianPercentile(full, 99),
                half.isEmpty() ? Double.NaN : Report.medianPercentile(half, 50),
                half.isEmpty() ? Double.NaN : Report.medianPercentile(half, 99),
                Stats.median(cpuPerVote),
                Stats.median(serverCores),
                Stats.median(databaseCores),
                Stats.median(generatorCores),
                Stats.median(machineCores),
                details,
                Report.histogram(full),
                Report.histogram(half),
                full.stream().map(Recorder::perSecond).toList(),
                half.stream().map(Recorder::perSecond).toList());
    }

    private static long cpu(List<ServerProcess> servers) {
        long sum = 0;
        for (ServerProcess s : servers) {
            long c = s.cpuNanos();
            if (c < 0) {
                return -1;
            }
            sum += c;
        }
        return sum;
    }

    private static void exhausted(Run run, String label, Recorder r) {
        if (r.outcomeCount("exhausted") > 0) {
            run.report()
                    .note(label + ": a repetition ran out of prepared (device, ballot) pairs before its time was"
                            + " up; its rate is a lower bound");
        }
    }
}
