package dev.oponn.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import dev.oponn.support.Instance;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An owner's change of results visibility on one instance reaches what every viewer on the other sees, without a
 * reload: two instances sharing one PostgreSQL database and one Redis (this test's own {@code redis-server}). The
 * other instance re-reads the ballot (its cached copy had the old setting) and re-renders its viewers' panels.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibilityAcrossInstancesTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    Cluster cluster;
    Instance a;
    Instance b;
    HttpClient http;
    final List<SseClient> open = new ArrayList<>();

    @BeforeAll
    void startCluster() {
        String heartbeat = "--oponn.live.heartbeat-interval=1s";
        cluster = Cluster.start(List.of(heartbeat), List.of(heartbeat));
        a = cluster.a();
        b = cluster.b();
        http = SseClient.newHttp();
    }

    @AfterAll
    void stopCluster() {
        if (http != null) {
            http.shutdownNow();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void closeStreams() {
        open.forEach(SseClient::close);
        open.clear();
    }

    @Test
    void hidingAndShowingTheCountsOnOneInstanceChangesWhatViewersOnTheOtherSee() {
        Device owner = new Device(http, a.port());
        String ballot = Flows.createBallot(owner, "Across?", "north, south", false);
        String manage = Flows.manageLink(owner, ballot).replaceFirst("^http://[^/]+", "");
        LiveTally.voteAsNewDevice(http, a.port(), ballot, "2");
        Device viewer = new Device(http, b.port());
        assertThat(viewer.get("/results/" + ballot).body())
                .as("instance b has the ballot cached, counts showing")
                .contains("data-count>1<");
        SseClient onB = SseClient.open(http, b.port(), "/ballots/" + ballot + "/live-results");
        open.add(onB);
        await().atMost(WAIT).until(() -> onB.lastVersion() == 1);

        assertThat(owner.post(manage + "/visibility", "results_visibility", "after_close")
                        .status())
                .isEqualTo(303);

        await().atMost(WAIT).until(() -> onB.lastMessage().data().contains("results are hidden"));
        assertThat(onB.lastMessage().id()).isEqualTo("hidden");
        assertThat(onB.lastMessage().data()).doesNotContain("data-count");
        assertThat(viewer.get("/results/" + ballot).body())
                .contains("results are hidden until the ballot closes")
                .doesNotContain("data-count");
        assertThat(viewer.get("/results/" + ballot + "/export.csv").status()).isEqualTo(403);

        LiveTally.voteAsNewDevice(http, a.port(), ballot, "1");
        assertThat(owner.post(manage + "/visibility", "results_visibility", "live")
                        .status())
                .isEqualTo(303);

        await().atMost(WAIT).until(() -> onB.lastMessage().data().contains("data-count>1<") && onB.lastVersion() == 2);
        assertThat(viewer.get("/results/" + ballot).body()).contains("data-count>1<");
    }
}
