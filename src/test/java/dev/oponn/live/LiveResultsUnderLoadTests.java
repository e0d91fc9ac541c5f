package dev.oponn.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oponn.ballot.BallotId;
import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Many viewers and unkind ones: a thousand at once under a burst of votes, and one that stops reading. */
@OponnTest
@TestPropertySource(
        properties = {"oponn.live.heartbeat-interval=1s", "oponn.live.write-timeout=2s", "oponn.live.idle-retention=1s"
        })
class LiveResultsUnderLoadTests {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int CLIENTS = 20;
    private static final int VIEWERS_PER_CLIENT = 50;
    private static final int VOTES = 200;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LiveResults live;

    @Autowired
    MeterRegistry registry;

    HttpClient http;
    final List<HttpClient> clients = new ArrayList<>();
    final List<SseClient> open = new ArrayList<>();

    @BeforeEach
    void setUp() {
        http = SseClient.newHttp();
    }

    @AfterEach
    void tearDown() {
        open.forEach(SseClient::close);
        http.shutdownNow();
        clients.forEach(HttpClient::shutdownNow);
    }

    @Test
    void aThousandViewersUnderABurstOfVotesAllEndOnTheDatabaseTallyAndLeaveNoTrace() throws Exception {
        String ballot = Flows.createBallot(new Device(http, port), "Best editor?", "vim, emacs, nano, ed", false);
        List<SseClient> viewers = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            // Each client address stays under the per-client cap, as a thousand people would.
            HttpClient client = SseClient.newHttpFrom("127.0.1." + (c + 1));
            clients.add(client);
            for (int v = 0; v < VIEWERS_PER_CLIENT; v++) {
                viewers.add(stream(client, ballot));
            }
        }
        await().atMost(WAIT).until(() -> viewers.stream().allMatch(v -> v.lastVersion() == 0));
        assertThat(live.viewersOf(new BallotId(ballot))).isEqualTo(CLIENTS * VIEWERS_PER_CLIENT);

        try (ExecutorService voters = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < VOTES; i++) {
                String option = String.valueOf(i % 4 + 1);
                voters.submit(() -> LiveTally.voteAsNewDevice(http, port, ballot, option));
            }
        }

        assertThat(LiveTally.totalInDatabase(jdbc, ballot)).isEqualTo(VOTES);
        Map<String, Long> database = countsInDatabase(ballot);
        await().atMost(WAIT).until(() -> viewers.stream().allMatch(v -> v.lastVersion() == VOTES));
        for (SseClient viewer : viewers) {
            String panel = viewer.lastMessage().data();
            assertThat(LiveTally.totalShown(panel)).isEqualTo(VOTES);
            database.forEach((option, count) ->
                    assertThat(LiveTally.countShown(panel, option)).isEqualTo(count));
            List<Long> versions =
                    viewer.messages().stream().map(SseClient.Event::version).toList();
            assertThat(versions).as("ids never go backwards").isSorted().doesNotHaveDuplicates();
        }

        viewers.forEach(SseClient::close);
        await().atMost(WAIT)
                .until(() -> registry.get(LiveMetrics.VIEWERS).gauge().value() == 0);
        assertThat(live.viewersOf(new BallotId(ballot))).isZero();
    }

    @Test
    void aViewerThatStopsReadingIsDroppedWhileTheOthersReceiveEveryUpdate() throws IOException {
        // Six hundred long options make each update about 200 KB, so an unread connection fills quickly.
        String options = IntStream.rangeClosed(1, 600)
                .mapToObj(i -> "option %03d %s".formatted(i, "x".repeat(53)))
                .collect(Collectors.joining(","));
        String ballot = Flows.createBallot(new Device(http, port), "Which one?", options, false);
        List<SseClient> readers = List.of(stream(http, ballot), stream(http, ballot), stream(http, ballot));
        double droppedBefore = dropped();

        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.bind(new InetSocketAddress(InetAddress.getByName("127.0.2.1"), 0));
            stalled.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            OutputStream request = stalled.getOutputStream();
            request.write(("GET /ballots/" + ballot + "/live-results HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Accept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            readFirstEvent(stalled.getInputStream());
            await().atMost(WAIT).until(() -> live.viewersOf(new BallotId(ballot)) == 4);

            // From here on the socket is never read again. Votes keep coming until the server gives up on it.
            AtomicBoolean voting = new AtomicBoolean(true);
            try (ExecutorService voter = Executors.newSingleThreadExecutor()) {
                voter.submit(() -> {
                    while (voting.get()) {
                        LiveTally.voteAsNewDevice(http, port, ballot, "1");
                    }
                });
                await().atMost(WAIT).until(() -> dropped() > droppedBefore);
                voting.set(false);
            }

            assertThat(dropped()).isEqualTo(droppedBefore + 1);
            await().atMost(WAIT).until(() -> live.viewersOf(new BallotId(ballot)) == 3);
            LiveTally.voteAsNewDevice(http, port, ballot, "2");
            long total = LiveTally.totalInDatabase(jdbc, ballot);
            await().atMost(WAIT).until(() -> readers.stream().allMatch(r -> r.lastVersion() == total));
            for (SseClient reader : readers) {
                assertThat(LiveTally.countShown(reader.lastMessage().data(), "1"))
                        .isEqualTo(total - 1);
                assertThat(reader.messages().stream()
                                .map(SseClient.Event::version)
                                .toList())
                        .isSorted()
                        .doesNotHaveDuplicates();
            }
        }
    }

    private double dropped() {
        var counter =
                registry.find(LiveMetrics.DROPPED).tag("reason", "stalled").counter();
        return counter == null ? 0 : counter.count();
    }

    /** Reads the response head and the first event, up to its blank line. */
    private static void readFirstEvent(InputStream in) throws IOException {
        StringBuilder seen = new StringBuilder();
        boolean inEvent = false;
        int b;
        while ((b = in.read()) != -1) {
            seen.append((char) b);
            if (!inEvent && seen.indexOf("\nid: ") >= 0) {
                inEvent = true;
                seen.setLength(0);
            } else if (inEvent
                    && seen.length() >= 2
                    && seen.substring(seen.length() - 2).equals("\n\n")) {
                return;
            }
            if (seen.length() > 1_000_000) {
                seen.setLength(0);
            }
        }
        throw new IOException("the stream ended before its first event");
    }

    private Map<String, Long> countsInDatabase(String ballot) {
        return jdbc
                .sql("SELECT option_id, sum(votes) AS votes FROM tally_shard WHERE ballot_id = :id GROUP BY option_id")
                .param("id", ballot)
                .query((rs, n) -> Map.entry(String.valueOf(rs.getInt("option_id")), rs.getLong("votes")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private SseClient stream(HttpClient client, String ballot) {
        SseClient stream = SseClient.open(client, port, "/ballots/" + ballot + "/live-results");
        open.add(stream);
        return stream;
    }
}
