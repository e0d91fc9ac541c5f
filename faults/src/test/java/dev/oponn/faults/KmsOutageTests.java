package dev.oponn.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault 5: the KMS (moto_server, behind the harness's gate) goes away under load and comes back. A cluster of its
 * own, two instances whose master key is a KMS key; data keys stay in memory only 5 s, so a ballot created on one
 * instance is cold on the other well before the outage.
 */
@Order(3)
@ExtendWith(SuiteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KmsOutageTests {

    private final Suite suite;
    private Rig rig;

    KmsOutageTests(Suite suite) {
        this.suite = suite;
    }

    @BeforeAll
    void startKmsCluster() {
        rig = Rig.start("kms", 2, true, Map.of("OPONN_KEY_CACHE_TTL", "5s"));
    }

    @AfterAll
    void stopKmsCluster() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void cachedBallotsKeepVotingWhileTheKmsIsAwayColdAndNewOnesAnswer503AndItRecovers() throws Exception {
        OponnInstance on = rig.instance(0);
        try (Clients clients = new Clients(2, 230)) {
            String cold = Ballots.create(clients, rig.instance(1), "kms cold ballot", "one, two", false);
            try (FaultRun run = FaultRun.begin(rig, "5 KMS unreachable 20 s", 3, 100)) {
                run.keepVoting(Duration.ofSeconds(6));
                long ballotsBefore = count("SELECT count(*) FROM ballot");
                rig.moto().gate().shut();
                run.faultBegins();
                run.keepVoting(Duration.ofSeconds(5));
                int coldDuring = new Device(clients.next()).open(on.base(), cold);
                int createDuring = create(clients, on, "kms created during the outage");
                run.keepVoting(Duration.ofSeconds(15));
                long ballotsDuring = count("SELECT count(*) FROM ballot");
                run.faultEnds();
                rig.moto().gate().open();
                long back = System.nanoTime();
                boolean coldBack = Ports.await(Duration.ofSeconds(30), () -> opens(clients, on, cold));
                double recovery = (System.nanoTime() - back) / 1e9;
                int createAfter = create(clients, on, "kms created after the outage");
                run.keepVoting(Duration.ofSeconds(3));
                FaultRun.Result result = run.finish(
                        recovery,
                        "cold ballot " + coldDuring + ", create " + createDuring + " during; cold ballot opens "
                                + String.format(java.util.Locale.ROOT, "%.2f", recovery) + " s after, create "
                                + createAfter);
                suite.report().add(result.row());

                assertThat(result.verdict().examples())
                        .as("%s", result.verdict())
                        .isEmpty();
                assertThat(result.verdict().clean()).isTrue();
                assertThat(result.behind()).isEmpty();
                assertThat(run.seenDuringFault())
                        .as("ballots whose keys are cached keep counting votes")
                        .containsKey("204");
                assertThat(coldDuring).as("a ballot whose key is not cached").isEqualTo(503);
                assertThat(createDuring).as("creating a ballot needs the KMS").isEqualTo(503);
                assertThat(ballotsDuring).as("nothing half-created").isEqualTo(ballotsBefore);
                assertThat(coldBack)
                        .as("the cold ballot opens once the KMS is back")
                        .isTrue();
                assertThat(createAfter).as("creating works again").isEqualTo(204);
                assertThat(plaintextRows(List.of("kms cold ballot", "kms created", "5 KMS unreachable", "choice 1")))
                        .as("rows holding a question or option in plaintext")
                        .isZero();
            }
        }
    }

    private static boolean opens(Clients clients, OponnInstance on, String ballot) {
        try {
            return new Device(clients.next()).open(on.base(), ballot) == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int create(Clients clients, OponnInstance on, String measure) throws Exception {
        Device creator = new Device(clients.next());
        creator.get(on.base(), "/create");
        HttpResponse<String> created = creator.post(
                on.base(),
                "/create",
                "measure",
                measure,
                "options_raw",
                "yes, no",
                "start_time_type",
                "now",
                "duration_mins",
                "0");
        return created.statusCode();
    }

    private long plaintextRows(List<String> texts) throws SQLException {
        long found = 0;
        try (Connection c = rig.database()) {
            for (String text : texts) {
                for (String sql : List.of(
                        "SELECT count(*) FROM ballot WHERE position(? in measure) > 0",
                        "SELECT count(*) FROM ballot_option WHERE position(? in label) > 0")) {
                    try (PreparedStatement s = c.prepareStatement(sql)) {
                        s.setBytes(1, text.getBytes(StandardCharsets.UTF_8));
                        try (ResultSet r = s.executeQuery()) {
                            r.next();
                            found += r.getLong(1);
                        }
                    }
                }
            }
        }
        return found;
    }

    private long count(String sql) {
        try (Connection c = rig.database();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
