package dev.oponn.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oponn.OponnApplication;
import dev.oponn.ballot.BallotId;
import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import dev.oponn.support.FreshDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Two instances of Oponn in one JVM, as a cluster: one PostgreSQL database, one Redis (this test's own
 * {@code redis-server}, so it can be restarted), one secret. Votes travel between them through Redis, and the
 * database brings viewers back to the truth when Redis has lost messages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveResultsAcrossInstancesTests {

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
        a = instance("a", secret, "oponn.live.stream-timeout", "3s");
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
    @Order(1)
    void aViewerOnOneInstanceSeesAVoteCastOnTheOther() {
        String ballot = Flows.createBallot(new Device(http, port(a)), "Pizza?", "margherita, funghi", false);
        SseClient viewerOnB = stream(b, ballot);
        await().atMost(WAIT).until(() -> viewerOnB.lastVersion() == 0);

        LiveTally.voteAsNewDevice(http, port(a), ballot, "2");

        await().atMost(WAIT).until(() -> viewerOnB.lastVersion() == 1);
        assertThat(LiveTally.countShown(viewerOnB.lastMessage().data(), "2")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void afterRedisRestartsViewersConvergeOnTheDatabaseTally() {
        String ballot = Flows.createBallot(new Device(http, port(a)), "Pizza?", "margherita, funghi", false);
        List<SseClient> viewersOnB = List.of(stream(b, ballot), stream(b, ballot));
        await().atMost(WAIT).until(() -> viewersOnB.stream().allMatch(v -> v.lastVersion() == 0));

        RedisVoteAnnouncements announcementsOnA = a.getBean(RedisVoteAnnouncements.class);
        Counter failedOnA = a.getBean(MeterRegistry.class).counter(LiveMetrics.ANNOUNCEMENTS_FAILED);
        double failedBefore = failedOnA.count();

        redis.stop();
        for (int i = 0; i < 3; i++) {
            LiveTally.voteAsNewDevice(http, port(a), ballot, "1");
        }
        // Every announcement of those votes was tried and lost: only the database knows about them now.
        await().atMost(WAIT).until(() -> failedOnA.count() > failedBefore && announcementsOnA.idle());
        redis.start();

        long total = LiveTally.totalInDatabase(a.getBean(JdbcClient.class), ballot);
        assertThat(total).isEqualTo(3);
        await().atMost(WAIT).until(() -> viewersOnB.stream().allMatch(v -> v.lastVersion() == total));
        viewersOnB.forEach(v ->
                assertThat(LiveTally.countShown(v.lastMessage().data(), "1")).isEqualTo(3));

        LiveTally.voteAsNewDevice(http, port(a), ballot, "2");
        await().atMost(WAIT).until(() -> viewersOnB.stream().allMatch(v -> v.lastVersion() == total + 1));
    }

    @Test
    @Order(3)
    void aStreamThatReachesItsTimeoutIsClosedAndRemoved() {
        String ballot = Flows.createBallot(new Device(http, port(a)), "Pizza?", "margherita, funghi", false);
        SseClient viewerOnA = stream(a, ballot);
        await().atMost(WAIT).until(() -> viewerOnA.lastVersion() == 0);

        // Instance a closes streams after three seconds; the browser would reconnect with its Last-Event-ID.
        await().atMost(WAIT).until(viewerOnA::ended);
        assertThat(a.getBean(LiveResults.class).viewersOf(new BallotId(ballot))).isZero();
        assertThat(a.getBean(StreamAdmission.class).open()).isZero();
    }

    @Test
    @Order(4)
    void onShutdownStreamsEndWithARetryHint() {
        String ballot = Flows.createBallot(new Device(http, port(a)), "Pizza?", "margherita, funghi", false);
        SseClient viewerOnB = stream(b, ballot);
        await().atMost(WAIT).until(() -> viewerOnB.lastVersion() == 0);
        LiveResults liveOnB = b.getBean(LiveResults.class);

        b.close();

        await().atMost(WAIT).until(viewerOnB::ended);
        assertThat(viewerOnB.retry()).isNotNull();
        assertThat(Long.parseLong(viewerOnB.retry())).isBetween(1_000L, 5_000L);
        assertThat(liveOnB.viewersOf(new BallotId(ballot))).isZero();
    }

    private ConfigurableApplicationContext instance(String name, String secret, String... extra) {
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("server.port", "0");
        properties.put("oponn.data-dir", dir.resolve(name).toString());
        // A cluster shares its master key (KMS in production): both instances open each other's ballots.
        properties.put("oponn.master-keyset", dir.resolve("master-keyset.json").toString());
        properties.put("oponn.secret-key", secret);
        properties.put("oponn.redis.url", redis.url());
        properties.put("oponn.live.heartbeat-interval", "1s");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            properties.put(extra[i], extra[i + 1]);
        }
        return new SpringApplicationBuilder(OponnApplication.class)
                .properties(properties)
                .run();
    }

    private static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    private SseClient stream(ConfigurableApplicationContext instance, String ballot) {
        SseClient stream = SseClient.open(http, port(instance), "/ballots/" + ballot + "/live-results");
        open.add(stream);
        return stream;
    }
}
