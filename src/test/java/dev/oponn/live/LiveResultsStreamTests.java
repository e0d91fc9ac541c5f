package dev.oponn.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oponn.ballot.BallotCatalog;
import dev.oponn.ballot.BallotId;
import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The stream as a client sees it: headers, first event, ids, Last-Event-ID, heartbeats, errors, ending. */
@OponnTest
@TestPropertySource(
        properties = {
            "oponn.live.heartbeat-interval=1s",
            "oponn.live.write-timeout=2s",
            "oponn.live.idle-retention=1s",
            "oponn.live.ended-linger=2s"
        })
class LiveResultsStreamTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BallotCatalog catalog;

    @Autowired
    LiveResults live;

    @Autowired
    LiveProperties properties;

    @Autowired
    MeterRegistry registry;

    HttpClient http;
    Device owner;
    final List<SseClient> open = new ArrayList<>();
    final List<HttpClient> clients = new ArrayList<>();

    @BeforeEach
    void setUp() {
        http = SseClient.newHttp();
        owner = new Device(http, port);
    }

    @AfterEach
    void closeStreams() {
        open.forEach(SseClient::close);
        // shutdownNow, not close: close() would wait for the streams, which never end by themselves.
        http.shutdownNow();
        clients.forEach(HttpClient::shutdownNow);
    }

    @Test
    void firstEventIsTheCurrentPanelWithTheTallyVersionAsItsId() {
        String ballot = Flows.createBallot(owner, "Lunch?", "soup, salad", false);
        LiveTally.voteAsNewDevice(http, port, ballot, "2");

        SseClient stream = stream(ballot);

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(stream.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(stream.headers().firstValue("X-Accel-Buffering")).hasValue("no");
        await().atMost(WAIT).until(() -> stream.lastMessage() != null);
        SseClient.Event first = stream.messages().getFirst();
        assertThat(first.id()).isEqualTo("1");
        assertThat(first.data()).contains("id=\"results-panel\"");
        assertThat(LiveTally.countShown(first.data(), "2")).isEqualTo(1);
    }

    @Test
    void eachChangeArrivesAsAnEventWithAGreaterId() {
        String ballot = Flows.createBallot(owner, "Lunch?", "soup, salad", false);
        SseClient stream = stream(ballot);
        await().atMost(WAIT).until(() -> stream.lastVersion() == 0);

        for (int vote = 1; vote <= 3; vote++) {
            LiveTally.voteAsNewDevice(http, port, ballot, "1");
            long expected = vote;
            await().atMost(WAIT).until(() -> stream.lastVersion() == expected);
        }

        assertThat(stream.messages()).extracting(SseClient.Event::version).containsExactly(0L, 1L, 2L, 3L);
        assertThat(LiveTally.countShown(stream.lastMessage().data(), "1")).isEqualTo(3);
    }

    @Test
    void unknownBallotIsANotFoundAnswerNotAStream() {
        for (String id : List.of("AAAAAAAAAAAAAAAAAAAAAA", "not-an-id")) {
            SseClient stream = stream(id);
            assertThat(stream.status()).as(id).isEqualTo(404);
            assertThat(stream.headers().firstValue("Content-Type").orElse("")).doesNotStartWith("text/event-stream");
            await().atMost(WAIT).until(stream::ended);
        }
    }

    @Test
    void headAnswersTheStreamHeadersWithoutOpeningAStream() throws Exception {
        String ballot = Flows.createBallot(owner, "Lunch?", "soup, salad", false);

        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ballots/" + ballot + "/live-results"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(live.viewersOf(new BallotId(ballot))).isZero();
    }

    @Test
    void reconnectBehindTheTallyGetsTheCurrentStateAtOnce() {
        String ballot = Flows.createBallot(owner, "Lunch?", "soup, salad", false);
        LiveTally.voteAsNewDevice(http, port, ballot, "1");
        LiveTally.voteAsNewDevice(http, port, ballot, "2");

        SseClient stream = stream(ballot, "Last-Event-ID", "1");

        await().atMost(WAIT).until(() -> stream.lastMessage() != null);
        assertThat(stream.messages()).extracting(SseClient.Event::version).containsExactly(2L);
    }

    @Test
    void reconnectAtTheCurrentVersionGetsNothingUntilTheNextChange() {
        String ballot = Flows.createBallot(owner, "Lunch?", "soup, salad", false);
        LiveTally.voteAsNewDevice(http, port, ballot, "1");

        SseClient stream = stream(ballot, "Last-Event-ID", "1");

        // A heartbeat is written only to a stream with nothing else to send: the connect sent no event.
        await().atMost(WAIT).until(() -> stream.comments() > 0);
        assertThat(stream.messages()).isEmpty();
        LiveTally.voteAsNewDevice(http, port, ballot, "2");
        await().atMost(WAIT).until(() -> stream.lastVersion() == 2);
        assertThat(stream.messages()).extracting(SseClient.Event::version).containsExactly(2L);
    }

    @Test
    void garbageLastEventIdIsTreatedAsAbsent() {
        String ballot = Flows.createBallot(owner, "Lunch?", "soup, salad", false);
        LiveTally.voteAsNewDevice(http, port, ballot, "1");
        String tenKilobytes = "9".repeat(10 * 1024);

        for (String garbage : List.of("-1", "abc", "1.5", "99", tenKilobytes)) {
            SseClient stream = stream(ballot, "Last-Event-ID", garbage);
            assertThat(stream.status())
                    .as(garbage.length() > 20 ? "10 KB" : garbage)
                    .isEqualTo(200);
            await().atMost(WAIT).until(() -> stream.lastMessage() != null);
            assertThat(stream.messages()).extracting(SseClient.Event::version).containsExactly(1L);
        }
    }

    @Test
    void oneChangeIsRenderedOnceAndTheSameEventGoesToEveryViewer() {
        String ballot = Flows.createBallot(owner, "Lunch?", "soup, salad", false);
        List<SseClient> viewers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            viewers.add(stream(ballot));
        }
        await().atMost(WAIT).until(() -> viewers.stream().allMatch(v -> v.lastVersion() == 0));
        double renders = registry.get(LiveMetrics.RENDERS).counter().count();
        double sent = registry.get(LiveMetrics.EVENTS_SENT).counter().count();

        LiveTally.voteAsNewDevice(http, port, ballot, "2");

        await().atMost(WAIT).until(() -> viewers.stream().allMatch(v -> v.lastVersion() == 1));
        assertThat(registry.get(LiveMetrics.RENDERS).counter().count() - renders)
                .isEqualTo(1);
        assertThat(registry.get(LiveMetrics.EVENTS_SENT).counter().count() - sent)
                .isEqualTo(20);
        assertThat(viewers)
                .extracting(v -> v.lastMessage().data())
                .containsOnly(viewers.getFirst().lastMessage().data());
        HistogramSnapshot latency =
                registry.get(LiveMetrics.FAN_OUT_LATENCY).timer().takeSnapshot();
        assertThat(latency.count()).isGreaterThanOrEqualTo(20);
        assertThat(latency.histogramCounts()).as("histogram buckets").isNotEmpty();
        assertThat(latency.percentileValues())
                .extracting(ValueAtPercentile::percentile)
                .contains(0.5, 0.95, 0.99);
    }

    @Test
    void aClientBeyondItsStreamCapIsAnsweredTooManyRequestsAndAdmittedAgainOnceOneCloses() {
        String ballot = Flows.createBallot(owner, "Lunch?", "soup, salad", false);
        HttpClient client = SseClient.newHttpFrom("127.0.0.77");
        clients.add(client);
        List<SseClient> admitted = new ArrayList<>();
        for (int i = 0; i < properties.maxStreamsPerClient(); i++) {
            admitted.add(stream(client, ballot));
        }
        await().atMost(WAIT).until(() -> admitted.stream().allMatch(v -> v.lastVersion() == 0));

        SseClient refused = stream(client, ballot);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).doesNotStartWith("text/event-stream");
        assertThat(stream(ballot).status()).as("another client").isEqualTo(200);

        admitted.getFirst().close();
        await().atMost(WAIT).until(() -> stream(client, ballot).status() == 200);
    }

    @Test
    void whenTheBallotEndsViewersGetTheFinalTallyAndTheStreamClosesAfterLingering() {
        String ballot = Flows.createBallot(owner, "Lunch?", "soup, salad", false);
        LiveTally.voteAsNewDevice(http, port, ballot, "1");
        SseClient stream = stream(ballot);
        await().atMost(WAIT).until(() -> stream.lastVersion() == 1);

        endNow(ballot);

        await().atMost(WAIT).until(() -> stream.saw("closed"));
        await().atMost(WAIT).until(stream::ended);
        List<SseClient.Event> events = stream.events();
        assertThat(events).extracting(SseClient.Event::type).endsWith("message", "closed", "end");
        SseClient.Event last = stream.lastMessage();
        assertThat(last.version()).isEqualTo(1);
        assertThat(last.data()).contains("voting closed");
        await().atMost(WAIT).until(() -> live.viewersOf(new BallotId(ballot)) == 0);

        SseClient fresh = stream(ballot);
        await().atMost(WAIT).until(fresh::ended);
        assertThat(fresh.events()).extracting(SseClient.Event::type).containsExactly("message", "closed", "end");
        SseClient caughtUp = stream(ballot, "Last-Event-ID", "1");
        assertThat(caughtUp.status())
                .as("nothing more will come: stop reconnecting")
                .isEqualTo(204);
    }

    /** No vote changes the tally when a scheduled ballot opens; the status line must still move on every screen. */
    @Test
    void aScheduledBallotOpeningIsPushedWithoutAVote() {
        String ballot = Flows.createBallot(owner, "Lunch?", "soup, salad", false);
        // Far enough ahead that the stream has surely shown "starts in" first, even on a slow machine.
        jdbc.sql("UPDATE ballot SET starts_at = now() + interval '5 seconds' WHERE id = :id")
                .param("id", ballot)
                .update();
        catalog.refresh(new BallotId(ballot));

        SseClient stream = stream(ballot);
        await().atMost(WAIT).until(() -> stream.messages().size() == 1);
        assertThat(stream.lastMessage().data()).contains("starts in");

        await().atMost(WAIT).until(() -> stream.messages().size() == 2);
        SseClient.Event opened = stream.lastMessage();
        assertThat(opened.data()).contains("voting open").doesNotContain("starts in");
        assertThat(opened.version()).as("the same tally").isZero();
        assertThat(stream.messages()).hasSize(2);
    }

    @Test
    void viewersWhoLeaveAreRemovedAndTheirBallotIsForgotten() {
        String ballot = Flows.createBallot(owner, "Lunch?", "soup, salad", false);
        List<SseClient> viewers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            viewers.add(stream(ballot));
        }
        await().atMost(WAIT).until(() -> viewers.stream().allMatch(v -> v.lastVersion() == 0));
        assertThat(live.viewersOf(new BallotId(ballot))).isEqualTo(5);

        viewers.forEach(SseClient::close);

        // The next heartbeat finds each connection closed.
        await().atMost(WAIT).until(() -> live.viewersOf(new BallotId(ballot)) == 0);
        await().atMost(WAIT).until(() -> !live.tracks(new BallotId(ballot)));
    }

    private void endNow(String ballot) {
        jdbc.sql("UPDATE ballot SET ends_at = now() WHERE id = :id")
                .param("id", ballot)
                .update();
        catalog.refresh(new BallotId(ballot));
    }

    private SseClient stream(HttpClient client, String ballot, String... headers) {
        SseClient stream = SseClient.open(client, port, "/ballots/" + ballot + "/live-results", headers);
        open.add(stream);
        return stream;
    }

    private SseClient stream(String ballot, String... headers) {
        return stream(http, ballot, headers);
    }
}
