package dev.oponn.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Voting methods on one instance: single choice, multiple choice (two picks of four) and ranked ballots (every
 * rank_{id} field posted, as the form sends them), measured in the same run, their repetitions interleaved so
 * that the machine's drift falls on all three alike. Reports each votes/s and the ratios to single choice, checks
 * every acknowledged vote of each against the database (its own ledgers: option counters for single and multiple,
 * ballot contents for ranked), and times the results page of a ranked ballot with what those votes left on it.
 */
final class MethodsPhase {

    private MethodsPhase() {}

    private record Scenario(String name, List<VoteBallot> ballots, DevicePool pool, VoteLedger ledger, Work work) {}

    static void run(Run run, Path jar, String secret) throws Exception {
        run.progress().phase("Oponn, voting methods (one instance, no Redis)");
        try (ServerProcess oponn = Oponn.start(run, "oponn-methods", jar, secret, null)) {
            Target target = oponn.target();
            List<Scenario> scenarios = List.of(
                    scenario(run, target, "single", MethodMarks::single),
                    scenario(
                            run,
                            target,
                            "multiple",
                            MethodMarks::multiple,
                            "voting_method",
                            "multiple",
                            "max_choices",
                            "2"),
                    scenario(run, target, "ranked", MethodMarks::ranked, "voting_method", "ranked"));
            Options.Scale scale = run.scale();
            int concurrency = run.options().concurrency();
            int base = run.clients().getAndAdd(4096);
            IntFunction<HttpConnection> connections = w -> target.connection(base + w % 4096);
            run.database().checkpoint();
            // Warm-up windows of all three in turn until single choice's last three agree within 5% (as the one
            // part does), so the repetitions measure the methods, not the JIT compiling the newest of them.
            Map<String, Double> estimates = new HashMap<>();
            List<Double> singleRates = new ArrayList<>();
            for (int w = 1; w <= 8 && !VoteLoad.steady(singleRates); w++) {
                for (Scenario s : scenarios) {
                    double seen = estimates.getOrDefault(s.name(), 2000.0);
                    s.pool().ensureFreeSlots((long) (2 * seen * scale.warmupSeconds()) + 1000, target, run.progress());
                    Recorder warmup = ClosedLoop.run(
                            s.name() + " warm-up " + w,
                            concurrency,
                            scale.warmupSeconds(),
                            connections,
                            s.work(),
                            run.progress());
                    estimates.merge(s.name(), Math.max(100, warmup.ratePerSecond()), Math::max);
                    if (s.name().equals("single")) {
                        singleRates.add(warmup.ratePerSecond());
                    }
                }
            }
            Map<String, List<Recorder>> reps = new LinkedHashMap<>();
            for (int rep = 1; rep <= scale.reps(); rep++) {
                for (Scenario s : scenarios) {
                    s.pool()
                            .ensureFreeSlots(
                                    (long) (estimates.get(s.name()) * 3 * scale.voteSeconds()) + 1000,
                                    target,
                                    run.progress());
                    Recorder r = ClosedLoop.run(
                            s.name() + " rep " + rep,
                            concurrency,
                            scale.voteSeconds(),
                            connections,
                            s.work(),
                            run.progress());
                    reps.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(r);
                    estimates.merge(s.name(), r.ratePerSecond(), Math::max);
                    run.progress()
                            .line(String.format(
                                    "   %s rep %d: %.0f votes/s, p50 %.1f ms, p99 %.1f ms%s",
                                    s.name(),
                                    rep,
                                    r.ratePerSecond(),
                                    r.percentileMillis(50),
                                    r.percentileMillis(99),
                                    r.outcomes().isEmpty() ? "" : ", other: " + r.outcomes()));
                }
            }
            Map<String, Object> details = new LinkedHashMap<>();
            for (var entry : reps.entrySet()) {
                run.report().put("method_votes_per_s_" + entry.getKey(), Report.medianRate(entry.getValue()));
                run.report().put("method_vote_p99_ms_" + entry.getKey(), Report.medianPercentile(entry.getValue(), 99));
                details.put(entry.getKey(), Report.summarize(entry.getValue()));
            }
            run.report().detail("voting_methods", details);
            correctness(run, scenarios);
            rankedResultsPage(run, target, scenarios.getLast());
        }
    }

    private static Scenario scenario(
            Run run, Target target, String name, DevicePool.Marking marking, String... createFields) throws Exception {
        List<VoteBallot> ballots = Ballots.withOptions(
                run, target, Ballots.create(run, target, run.scale().voteBallots(), "method " + name, createFields));
        DevicePool pool = new DevicePool(ballots);
        VoteLedger ledger = new VoteLedger();
        return new Scenario(name, ballots, pool, ledger, pool.markedWork(ledger, marking));
    }

    /**
     * Exactly once, per method: option counters against the picks acknowledged (a multiple-choice voter row stands
     * for two picks), ranked contents against the rankings acknowledged, voter rows against both.
     */
    private static void correctness(Run run, List<Scenario> scenarios) throws Exception {
        long lost = 0;
        long duplicates = 0;
        long mismatches = 0;
        Map<String, Object> details = new LinkedHashMap<>();
        for (Scenario s : scenarios) {
            List<String> ids = s.ballots().stream().map(VoteBallot::id).toList();
            Map<String, Long> voters = run.database().voters(ids);
            Map<String, Map<Integer, Long>> tallies;
            Map<String, Long> expectedRows = voters;
            if (s.name().equals("ranked")) {
                Map<String, Map<String, Long>> contents = run.database().contents(ids);
                tallies = new HashMap<>();
                for (VoteBallot ballot : s.ballots()) {
                    tallies.put(
                            ballot.id(),
                            MethodMarks.rankedTally(contents.getOrDefault(ballot.id(), Map.of()), ballot.options()));
                }
            } else {
                tallies = run.database().tallies(ids);
                if (s.name().equals("multiple")) {
                    expectedRows = new HashMap<>();
                    for (var v : voters.entrySet()) {
                        expectedRows.put(v.getKey(), v.getValue() * 2);
                    }
                }
            }
            Correctness.Verdict verdict = Correctness.compare(ids, s.ledger(), tallies, expectedRows);
            lost += verdict.lost();
            duplicates += verdict.duplicates();
            mismatches += verdict.voterRowMismatches();
            details.put(s.name(), verdict.details());
            run.progress().line("   " + s.name() + ": " + verdict.details());
        }
        run.report().put("methods_lost_votes", lost);
        run.report().put("methods_duplicate_votes", duplicates);
        run.report().put("methods_voter_row_mismatches", mismatches);
        run.report().detail("methods_correctness", details);
    }

    /** The results page of the ranked ballot with the most ballots: read, counted by runoff and Schulze, rendered. */
    private static void rankedResultsPage(Run run, Target target, Scenario ranked) throws Exception {
        List<String> ids = ranked.ballots().stream().map(VoteBallot::id).toList();
        Map<String, Long> voters = run.database().voters(ids);
        String busiest = ids.stream()
                .max((a, b) -> Long.compare(voters.getOrDefault(a, 0L), voters.getOrDefault(b, 0L)))
                .orElseThrow();
        List<Double> millis = new ArrayList<>();
        try (HttpConnection connection = target.connection(run.nextClient())) {
            Device reader = new Device();
            for (int i = 0; i < 7; i++) {
                long t0 = System.nanoTime();
                HttpResponse page = connection.exchange(HttpRequest.get("/results/" + busiest, reader.pageHeaders()));
                long t1 = System.nanoTime();
                if (page.status() != 200) {
                    run.report().note("ranked results page answered " + page.status());
                    return;
                }
                if (i >= 2) {
                    millis.add((t1 - t0) / 1e6);
                }
            }
        }
        run.report().put("ranked_results_page_ms", Stats.median(millis));
        run.report().put("ranked_results_page_ballots", voters.getOrDefault(busiest, 0L));
    }
}
