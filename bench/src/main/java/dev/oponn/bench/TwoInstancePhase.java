package dev.oponn.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Two Oponn instances on one PostgreSQL and one Redis: total vote throughput with the load split evenly, and, once
 * the live stream exists, fan-out across instances (viewers on the second, votes on the first).
 */
final class TwoInstancePhase {

    private TwoInstancePhase() {}

    static void run(Run run, Path jar, String secret) throws Exception {
        String redis = "redis://127.0.0.1:6379/" + run.options().redisDb();
        run.progress().phase("Oponn, two instances (one PostgreSQL, Redis " + redis + ")");
        try (ServerProcess a = Oponn.start(run, "oponn-a", jar, secret, redis);
                ServerProcess b = Oponn.start(run, "oponn-b", jar, secret, redis)) {
            String probe = Ballots.create(run, a.target(), 1, "probe").getFirst();
            Optional<String> liveUnavailable = Oponn.liveUnavailable(b.target(), probe, run.nextClient());
            VoteLoad.Result votes = VoteLoad.measure(run, "two instances", List.of(a, b), false);
            run.report().put("two_instance_votes_per_s", votes.fullRate());
            run.report().detail("votes_two_instances", votes.details());
            run.report().chart("votes_per_second_two_instances", votes.fullTimelines());
            if (liveUnavailable.isPresent()) {
                run.report().note("two-instance fan-out: not available, " + liveUnavailable.get());
                return;
            }
            FanoutScenario.Plan plan = new FanoutScenario.Plan(
                    "cross-instance fan-out, " + run.scale().crossViewers() + " viewers on B, votes on A",
                    b,
                    a.target(),
                    1,
                    run.scale().crossViewers(),
                    run.scale().singleBallotVotes(),
                    1,
                    false,
                    true);
            Optional<FanoutScenario.Outcome> outcome = FanoutScenario.run(
                    run, plan, run.ledger(), ballots -> run.database().tallies(ballots));
            run.report()
                    .detail(
                            "fanout_two_instances",
                            outcome.map(FanoutScenario.Outcome::details).orElse(null));
            outcome.ifPresent(o -> {
                run.report().put("two_instance_fanout_p99_ms", o.p99Ms());
                double before = run.report().number("viewer_mismatches");
                run.report().put("viewer_mismatches", (long) ((Double.isNaN(before) ? 0 : before) + o.mismatches()));
            });
        }
    }
}
