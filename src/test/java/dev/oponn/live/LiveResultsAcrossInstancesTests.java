package dev.oponn.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oponn.ballot.BallotId;
import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import dev.oponn.support.Instance;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of Oponn in one JVM, as a cluster: one PostgreSQL database, one Redis (this test's own
 * {@code redis-server}, so it can be restarted), one secret. Votes travel between them through Redis, and the
 * database brings viewers back to the truth when Redis has lost messages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveResultsAcrossInstancesTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    Cluster cluster;
    Instance a;
    Instance b;
    HttpClient http;
    final List<SseClient> open = new ArrayList<>();

    @BeforeAll
    void startCluster() {
        String heartbeat = "--oponn.live.heartbeat-interval=1s";
        cluster = Cluster.start(List.of(heartbeat, "--oponn.live.stream-timeout=3s"), List.of(heartbeat));
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
    @Order(1)
    void aViewerOnOneInstanceSeesAVoteCastOnTheOther() {
        String ballot = Flows.createBallot(new Device(http, a.port()), "Pizza?", "margherita, funghi", false);
        SseClient viewerOnB = stream(b, ballot);
        await().atMost(WAIT).until(() -> viewerOnB.lastVersion() == 0);

        LiveTally.voteAsNewDevice(http, a.port(), ballot, "2");

        await().atMost(WAIT).until(() -> viewerOnB.lastVersion() == 1);
        assertThat(LiveTally.countShown(viewerOnB.lastMessage().data(), "2")).isEqualTo(1);
    }

    /**
     * A ranked ballot's rounds re-tabulated on the viewer's instance: a ranking cast on a, then a write-in ranked
     * first on a (an option b's catalog has never seen), each reach b's viewer as the new rounds table.
     */
    @Test
    @Order(1)
    void aRankedBallotCastOnOneInstanceReTabulatesOnTheOther() {
        String ballot = Flows.createBallotWith(
                new Device(http, a.port()),
                "measure",
                "Ranked pizza?",
                "options_raw",
                "margherita, funghi, diavola",
                "allow_write_in",
                "on",
                "start_time_type",
                "now",
                "duration_mins",
                "0",
                "voting_method",
                "ranked");
        SseClient viewerOnB = stream(b, ballot);
        await().atMost(WAIT).until(() -> viewerOnB.lastVersion() == 0);

        Device first = new Device(http, a.port());
        Flows.openVotePage(first, ballot);
        assertThat(first.postAll("/vote/" + ballot, false, "rank_2", "1", "rank_3", "2")
                        .status())
                .isEqualTo(303);
        await().atMost(WAIT).until(() -> viewerOnB.lastVersion() == 1);
        Document one = Jsoup.parse(viewerOnB.lastMessage().data());
        assertThat(one.select("[data-rounds] tr[data-option-id=2] td").first().text())
                .isEqualTo("1");
        assertThat(one.select("[data-winner]").text()).contains("funghi");

        Device second = new Device(http, a.port());
        Flows.openVotePage(second, ballot);
        assertThat(second.postAll("/vote/" + ballot, false, "rank_write_in", "1", "write_in_value", "quattro")
                        .status())
                .isEqualTo(303);
        Device third = new Device(http, a.port());
        Flows.openVotePage(third, ballot);
        assertThat(third.postAll("/vote/" + ballot, false, "ranking", "4,2").status())
                .isEqualTo(303);
        await().atMost(WAIT).until(() -> viewerOnB.lastVersion() == 3);
        Document three = Jsoup.parse(viewerOnB.lastMessage().data());
        assertThat(three.select("[data-rounds] tr[data-option-id=4] th").text()).endsWith("quattro");
        assertThat(three.select("[data-winner]").text()).contains("quattro");
        assertThat(three.select("[data-pairwise] tr[data-option-id=4]")).isNotEmpty();
    }

    @Test
    @Order(2)
    void afterRedisRestartsViewersConvergeOnTheDatabaseTally() {
        String ballot = Flows.createBallot(new Device(http, a.port()), "Pizza?", "margherita, funghi", false);
        List<SseClient> viewersOnB = List.of(stream(b, ballot), stream(b, ballot));
        await().atMost(WAIT).until(() -> viewersOnB.stream().allMatch(v -> v.lastVersion() == 0));

        RedisVoteAnnouncements announcementsOnA = a.bean(RedisVoteAnnouncements.class);
        Counter failedOnA = a.bean(MeterRegistry.class).counter(LiveMetrics.ANNOUNCEMENTS_FAILED);
        double failedBefore = failedOnA.count();

        cluster.redis().stop();
        for (int i = 0; i < 3; i++) {
            LiveTally.voteAsNewDevice(http, a.port(), ballot, "1");
        }
        // Every announcement of those votes was tried and lost: only the database knows about them now.
        await().atMost(WAIT).until(() -> failedOnA.count() > failedBefore && announcementsOnA.idle());
        cluster.redis().start();

        long total = LiveTally.totalInDatabase(a.bean(JdbcClient.class), ballot);
        assertThat(total).isEqualTo(3);
        await().atMost(WAIT).until(() -> viewersOnB.stream().allMatch(v -> v.lastVersion() == total));
        viewersOnB.forEach(v ->
                assertThat(LiveTally.countShown(v.lastMessage().data(), "1")).isEqualTo(3));

        LiveTally.voteAsNewDevice(http, a.port(), ballot, "2");
        await().atMost(WAIT).until(() -> viewersOnB.stream().allMatch(v -> v.lastVersion() == total + 1));
    }

    @Test
    @Order(3)
    void aStreamThatReachesItsTimeoutIsClosedAndRemoved() {
        String ballot = Flows.createBallot(new Device(http, a.port()), "Pizza?", "margherita, funghi", false);
        SseClient viewerOnA = stream(a, ballot);
        await().atMost(WAIT).until(() -> viewerOnA.lastVersion() == 0);

        // Instance a closes streams after three seconds; the browser would reconnect with its Last-Event-ID.
        await().atMost(WAIT).until(viewerOnA::ended);
        assertThat(a.bean(LiveResults.class).viewersOf(new BallotId(ballot))).isZero();
        assertThat(a.bean(StreamAdmission.class).open()).isZero();
    }

    @Test
    @Order(4)
    void onShutdownStreamsEndWithARetryHint() {
        String ballot = Flows.createBallot(new Device(http, a.port()), "Pizza?", "margherita, funghi", false);
        SseClient viewerOnB = stream(b, ballot);
        await().atMost(WAIT).until(() -> viewerOnB.lastVersion() == 0);
        LiveResults liveOnB = b.bean(LiveResults.class);

        b.close();

        await().atMost(WAIT).until(viewerOnB::ended);
        assertThat(viewerOnB.retry()).isNotNull();
        assertThat(Long.parseLong(viewerOnB.retry())).isBetween(1_000L, 5_000L);
        assertThat(liveOnB.viewersOf(new BallotId(ballot))).isZero();
    }

    private SseClient stream(Instance instance, String ballot) {
        SseClient stream = SseClient.open(http, instance.port(), "/ballots/" + ballot + "/live-results");
        open.add(stream);
        return stream;
    }
}
