package dev.oponn.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The faults of issue 14, each under steady vote load with live viewers on both instances, each checked against the
 * database afterwards: nothing acknowledged lost, nothing counted twice, nothing refused written, and every viewer
 * showing the database's tally once the load stops. Fault runs are sized to about a minute each, so the whole
 * module stays within CI's budget on two cores.
 */
@Order(1)
@ExtendWith(SuiteExtension.class)
class FaultsTests {

    private final Suite suite;
    private final Rig rig;

    FaultsTests(Suite suite) {
        this.suite = suite;
        this.rig = suite.rig();
    }

    @Test
    @Order(1)
    void anInstanceKilledWithSigkillLosesNoAcknowledgedVote() {
        try (FaultRun run = FaultRun.begin(rig, "1 kill -9 of an instance, twice, restarted", 4, 120)) {
            run.faultBegins();
            Duration restarts = Duration.ZERO;
            for (OponnInstance victim : rig.instances()) {
                run.keepVoting(Duration.ofSeconds(4));
                victim.kill9();
                run.keepVoting(Duration.ofSeconds(2));
                restarts = restarts.plus(victim.launch().awaitReady());
            }
            run.faultEnds();
            run.keepVoting(Duration.ofSeconds(5));
            FaultRun.Result result =
                    run.finish(run.recovery(), "restart to ready " + restarts.toSeconds() / 2 + " s each");
            suite.report().add(result.row());

            assertClean(result);
            assertThat(run.seenDuringFault())
                    .as("clients of the killed instance saw refused or cut connections, the others 204s")
                    .containsKey("204");
        }
    }

    @Test
    @Order(2)
    void postgresStoppedForTwentySecondsAnswers503AndRecoversWithoutARestart() {
        Set<Long> pids = pids();
        try (FaultRun run = FaultRun.begin(rig, "2 PostgreSQL stopped 20 s", 4, 200)) {
            rig.postgres().stop();
            run.faultBegins();
            run.keepVoting(Duration.ofSeconds(10));
            int votePage = votePageStatus(run.ballots().getFirst());
            run.keepVoting(Duration.ofSeconds(10));
            run.faultEnds();
            rig.postgres().start();
            long started = run.history().now();
            run.keepVoting(Duration.ofSeconds(8));
            double recovery = (run.history()
                                    .allAcknowledgingAgainAt(
                                            started,
                                            rig.instances().stream()
                                                    .map(OponnInstance::name)
                                                    .toList())
                            - started)
                    / 1000.0;
            FaultRun.Result result = run.finish(recovery, "");
            suite.report().add(result.row());

            assertClean(result);
            long from = run.faultFrom();
            long to = run.faultTo();
            assertThat(run.history().seen(a -> a.invokedMillis() >= from && a.completedMillis() < to))
                    .as("every vote answered while the database was down is refused with 503, none acknowledged")
                    .isNotEmpty()
                    .containsOnlyKeys("503");
            assertThat(recovery)
                    .as("votes count again after the database returns")
                    .isGreaterThanOrEqualTo(0);
            assertThat(pids()).as("no instance was restarted").isEqualTo(pids);
            assertThat(votePage)
                    .as("a new device's vote page, which asks the database, is 503 too")
                    .isEqualTo(503);
        }
    }

    @Test
    @Order(3)
    void connectionsKilledByTheServerMidBatchLoseNothing() {
        try (FaultRun run = FaultRun.begin(rig, "3 pg_terminate_backend every 2 s", 4, 120)) {
            run.faultBegins();
            int terminated = 0;
            for (int i = 0; i < 10; i++) {
                run.keepVoting(Duration.ofSeconds(2));
                terminated += rig.postgres().terminateBackends(Rig.DATABASE);
            }
            run.faultEnds();
            run.keepVoting(Duration.ofSeconds(4));
            FaultRun.Result result = run.finish(run.recovery(), terminated + " sessions terminated");
            suite.report().add(result.row());

            assertClean(result);
            assertThat(terminated).as("the harness did kill Oponn's sessions").isPositive();
        }
    }

    @Test
    @Order(4)
    void redisStoppedThenStartedEmptyKeepsCountingAndViewersConverge() {
        try (FaultRun run = FaultRun.begin(rig, "4 Redis stopped 25 s, started empty", 4, 120)) {
            rig.redis().stop();
            run.faultBegins();
            run.keepVoting(Duration.ofSeconds(20));
            run.stopLoad();
            // A late commit on a would make a re-read the tally after b's lone votes and hide the case.
            run.awaitQuietDatabase();
            // Votes on b alone: a's viewers can learn of them only through Redis once it is back.
            long bOnlyFrom = run.history().now();
            run.voteOnlyOn(rig.instance(1), 2);
            Map<String, Long> bOnly = run.history()
                    .seen(History.invokedBetween(bOnlyFrom, run.history().now()));
            run.keepVoting(Duration.ofSeconds(3));
            Map<String, Map<Integer, Long>> beforeReturn = Checker.tallies(rig, new HashSet<>(run.ballots()));
            List<String> staleOnA = run.viewers().behind(beforeReturn).stream()
                    .filter(v -> v.startsWith(rig.instance(0).name()))
                    .toList();
            String aViewers = run.viewers().all().stream()
                    .filter(v -> v.instance() == rig.instance(0))
                    .map(v -> v.events() + " events/" + v.reconnects() + " reconnects")
                    .toList()
                    .toString();
            rig.redis().start();
            run.faultEnds();
            Duration converged = run.viewers()
                    .awaitConverged(() -> Checker.tallies(rig, new HashSet<>(run.ballots())), Duration.ofSeconds(60));
            double seconds = converged == null ? -1 : converged.toMillis() / 1000.0;
            FaultRun.Result result = run.finish(
                    seconds,
                    staleOnA.size() + " viewers on a behind votes made on b while Redis was away; every viewer showed"
                            + " the tally " + seconds + " s after Redis returned");
            suite.report().add(result.row());

            assertClean(result);
            assertThat(run.seenDuringFault())
                    .as("votes are acknowledged on every instance while Redis is away")
                    .containsKey("204");
            assertThat(converged)
                    .as("every viewer, on either instance, shows the database's tally after Redis returns")
                    .isNotNull();
            // Whether the case tested recovery through Redis at all: before the wait for a quiet database above, two
            // of four full runs had no viewer on a behind b's votes when Redis returned (a late commit on a re-read
            // the tally after them, the suspected path); such a run proves only the above, so it is reported skipped
            // rather than passed, with how b's votes were answered and what a's viewers received.
            org.assertj.core.api.Assumptions.assumeThat(staleOnA)
                    .as("viewers on a that missed b's votes while Redis was away (b-only votes answered " + bOnly
                            + "; a's viewers " + aViewers + ")")
                    .isNotEmpty();
        }
    }

    @Test
    @Order(5)
    void masterKeyRotatedAndRewrappedWhileVotesFlow() {
        OponnInstance a = rig.instance(0);
        OponnInstance b = rig.instance(1);
        try (Clients clients = new Clients(2, 250)) {
            // Created on a and never opened on b: b must unwrap its key after the rewrap, under the new master key.
            String cold = Ballots.create(clients, a, "cold ballot", "one, two", false);
            try (FaultRun run = FaultRun.begin(rig, "6 master key rotated, rewrap while votes flow", 4, 120)) {
                run.faultBegins();
                rig.jar()
                        .command(
                                rig.settings(),
                                "keyset",
                                "--rotate",
                                "--file",
                                rig.settings().get("OPONN_MASTER_KEYSET"));
                String rewrap = rig.jar().command(rig.settings(), "rewrap");
                run.faultEnds();
                run.keepVoting(Duration.ofSeconds(3));
                int coldOnB = new Device(clients.next()).open(b.base(), cold);
                FaultRun.Result result = run.finish(run.recovery(), "cold ballot on the other instance: " + coldOnB);
                suite.report().add(result.row());

                assertClean(result);
                assertThat(masterKeys())
                        .as("every data key is under one master key after the rewrap: " + rewrap)
                        .hasSize(1);
                assertThat(coldOnB)
                        .as("an instance that never opened a ballot opens it after the rewrap, without a restart")
                        .isEqualTo(200);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertClean(FaultRun.Result result) {
        assertThat(result.verdict().examples())
                .as("the checker's findings: %s", result.verdict())
                .isEmpty();
        assertThat(result.verdict().clean()).as("%s", result.verdict()).isTrue();
        assertThat(result.verdict().acknowledged())
                .as("votes were acknowledged")
                .isPositive();
        assertThat(result.behind())
                .as("viewers that never showed the database's tally")
                .isEmpty();
        assertThat(result.regressions())
                .as("frames older than one already shown")
                .isZero();
    }

    private int votePageStatus(String ballot) {
        try (Clients clients = new Clients(1, 251)) {
            return new Device(clients.next()).open(rig.instance(1).base(), ballot);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Set<Long> pids() {
        Set<Long> pids = new HashSet<>();
        rig.instances().forEach(i -> pids.add(i.pid()));
        return pids;
    }

    private Map<String, Long> totals(List<String> ballots) {
        Map<String, Long> totals = new java.util.HashMap<>();
        Checker.tallies(rig, new HashSet<>(ballots))
                .forEach((ballot, tally) -> totals.put(
                        ballot,
                        tally.values().stream().mapToLong(Long::longValue).sum()));
        return totals;
    }

    private Set<String> masterKeys() {
        Set<String> keys = new HashSet<>();
        try (Connection c = rig.database();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT DISTINCT master_key_id FROM ballot_key")) {
            while (r.next()) {
                keys.add(r.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return keys;
    }
}
