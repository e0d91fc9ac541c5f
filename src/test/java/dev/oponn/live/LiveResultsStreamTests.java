package dev.oponn.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oponn.ballot.BallotCatalog;
import dev.oponn.ballot.BallotId;
import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import java.net.http.HttpClient;
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
@TestPropertySource(properties = {"oponn.live.heartbeat-interval=1s", "oponn.live.write-timeout=2s"})
class LiveResultsStreamTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BallotCatalog catalog;

    HttpClient http;
    Device owner;
    final List<SseClient> open = new ArrayList<>();

    @BeforeEach
    void setUp() {
        http = SseClient.newHttp();
        owner = new Device(http, port);
    }

    @AfterEach
    void closeStreams() {
        open.forEach(SseClient::close);
        http.close();
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

    private SseClient stream(String ballot, String... headers) {
        SseClient stream = SseClient.open(http, port, "/ballots/" + ballot + "/live-results", headers);
        open.add(stream);
        return stream;
    }

    @SuppressWarnings("unused")
    private BallotId id(String ballot) {
        return new BallotId(ballot);
    }
}
