package dev.oponn.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oponn.OponnApplication;
import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import dev.oponn.support.FreshDatabase;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * An owner's change of results visibility on one instance reaches what every viewer on the other sees, without a
 * reload: two instances sharing one PostgreSQL database and one Redis (this test's own {@code redis-server}). The
 * other instance re-reads the ballot (its cached copy had the old setting) and re-renders its viewers' panels.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibilityAcrossInstancesTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    Path dir;
    RedisServer redis;
    FreshDatabase.Database database;
    ConfigurableApplicationContext a;
    ConfigurableApplicationContext b;
    HttpClient http;
    final List<SseClient> open = new ArrayList<>();

    @BeforeAll
    void startCluster() {
        dir = FreshDatabase.tempDir();
        redis = new RedisServer(dir).start();
        database = FreshDatabase.create();
        String secret = FreshDatabase.randomSecret();
        a = instance("a", secret);
        b = instance("b", secret);
        http = SseClient.newHttp();
    }

    @AfterAll
    void stopCluster() {
        http.shutdownNow();
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {a, b}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (database != null) {
            database.drop();
        }
        if (redis != null) {
            redis.close();
        }
        FileSystemUtils.deleteRecursively(dir.toFile());
    }

    @AfterEach
    void closeStreams() {
        open.forEach(SseClient::close);
        open.clear();
    }

    @Test
    void hidingAndShowingTheCountsOnOneInstanceChangesWhatViewersOnTheOtherSee() {
        Device owner = new Device(http, port(a));
        String ballot = Flows.createBallot(owner, "Across?", "north, south", false);
        String manage = Flows.manageLink(owner, ballot).replaceFirst("^http://[^/]+", "");
        LiveTally.voteAsNewDevice(http, port(a), ballot, "2");
        Device viewer = new Device(http, port(b));
        assertThat(viewer.get("/results/" + ballot).body())
                .as("instance b has the ballot cached, counts showing")
                .contains("data-count>1<");
        SseClient onB = SseClient.open(http, port(b), "/ballots/" + ballot + "/live-results");
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

        LiveTally.voteAsNewDevice(http, port(a), ballot, "1");
        assertThat(owner.post(manage + "/visibility", "results_visibility", "live")
                        .status())
                .isEqualTo(303);

        await().atMost(WAIT).until(() -> onB.lastMessage().data().contains("data-count>1<") && onB.lastVersion() == 2);
        assertThat(viewer.get("/results/" + ballot).body()).contains("data-count>1<");
    }

    private ConfigurableApplicationContext instance(String name, String secret) {
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("server.port", "0");
        properties.put("oponn.data-dir", dir.resolve(name).toString());
        properties.put("oponn.master-keyset", dir.resolve("master-keyset.json").toString());
        properties.put("oponn.secret-key", secret);
        properties.put("oponn.redis.url", redis.url());
        properties.put("oponn.live.heartbeat-interval", "1s");
        return new SpringApplicationBuilder(OponnApplication.class)
                .properties(properties)
                .run();
    }

    private static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }
}
