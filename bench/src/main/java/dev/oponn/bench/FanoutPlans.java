package dev.oponn.bench;

import java.util.List;

/** The three fan-out scenarios of the issue, at the run's scale, for any server. */
final class FanoutPlans {

    private FanoutPlans() {}

    /** @param checkRelease whether to await and report the server letting go of departed viewers */
    static List<FanoutScenario.Plan> plans(
            Options.Scale scale, String who, ServerProcess server, Target votes, boolean checkRelease) {
        return List.of(
                new FanoutScenario.Plan(
                        who + " fan-out, " + scale.smallViewers() + " viewers on one ballot",
                        server,
                        votes,
                        1,
                        scale.smallViewers(),
                        scale.singleBallotVotes(),
                        1,
                        false,
                        checkRelease),
                new FanoutScenario.Plan(
                        who + " fan-out, " + scale.largeViewers() + " viewers on one ballot",
                        server,
                        votes,
                        1,
                        scale.largeViewers(),
                        scale.singleBallotVotes(),
                        1,
                        true,
                        checkRelease),
                new FanoutScenario.Plan(
                        who + " fan-out, " + scale.manyBallots() + " ballots x " + scale.viewersPerBallot()
                                + " viewers",
                        server,
                        votes,
                        scale.manyBallots(),
                        scale.viewersPerBallot(),
                        scale.manyBallotVotes(),
                        8,
                        false,
                        checkRelease));
    }

    /** The result-file suffix of a scenario: {@code 1k_viewers}, {@code 10k_viewers}, {@code 1000_ballots}. */
    static String key(FanoutScenario.Plan plan) {
        if (plan.ballots() > 1) {
            return "1000_ballots";
        }
        return plan.measureMemory() ? "10k_viewers" : "1k_viewers";
    }
}
