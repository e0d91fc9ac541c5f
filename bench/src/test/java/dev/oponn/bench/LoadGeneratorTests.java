package dev.oponn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The load generator's own client, viewers and probe against the bare baseline servers, in process on loopback:
 * if these parts mis-read HTTP or SSE, the benchmark's figures would be wrong without anyone noticing.
 */
class LoadGeneratorTests {

    private final Progress quiet = new Progress(new PrintStream(java.io.OutputStream.nullOutputStream()));
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void keepAliveConnectionAnswersManyRequestsWithTheWholeBody() throws IOException {
        server = BareHttpServer.start(0);
        Target target = Target.loopback("bare", server.getAddress().getPort());

        try (HttpConnection connection = target.connection(3)) {
            for (int i = 0; i < 5; i++) {
                HttpResponse response = connection.exchange(Site.voteRequest(new Device(), "x", 1));
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.body()).hasSize(200);
            }
        }
    }

    @Test
    void aConnectionMovesToTheNextSourceAddressEveryHundredRequests() throws IOException {
        java.util.Set<String> clients = java.util.concurrent.ConcurrentHashMap.newKeySet();
        server = HttpServer.create(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", exchange -> {
            clients.add(exchange.getRemoteAddress().getAddress().getHostAddress());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        Target target = Target.loopback("recorder", server.getAddress().getPort());

        try (HttpConnection connection = target.connection(0)) {
            for (int i = 0; i < 2 * HttpConnection.REQUESTS_PER_CONNECTION + 1; i++) {
                assertThat(connection.exchange(HttpRequest.get("/", List.of())).status())
                        .isEqualTo(204);
            }
        }

        assertThat(clients).hasSize(3).allMatch(ip -> ip.startsWith("127.0."));
    }

    @Test
    void closedLoopCountsEveryAcknowledgedRequest() throws IOException {
        server = BareHttpServer.start(0);
        Target target = Target.loopback("bare", server.getAddress().getPort());
        Work get = connection -> {
            try {
                return connection.exchange(HttpRequest.get("/", List.of())).status() == 200
                        ? Work.Outcome.ACK
                        : Work.Outcome.other("bad");
            } catch (IOException e) {
                return Work.Outcome.other("io_error");
            }
        };

        Recorder recorder = ClosedLoop.run("test", 4, 0.5, target::connection, get, quiet);

        assertThat(recorder.acks()).isPositive();
        assertThat(recorder.outcomes()).isEmpty();
        assertThat(recorder.percentileMillis(99)).isPositive();
    }

    @Test
    void openLoopSendsAtTheRequestedRate() throws IOException {
        server = BareHttpServer.start(0);
        Target target = Target.loopback("bare", server.getAddress().getPort());
        Work get = connection -> {
            try {
                connection.exchange(HttpRequest.get("/", List.of()));
                return Work.Outcome.ACK;
            } catch (IOException e) {
                return Work.Outcome.other("io_error");
            }
        };

        Recorder recorder = OpenLoop.run("test", 200, 1.0, 100, target::connection, get, quiet);

        assertThat(recorder.acks() + recorder.outcomeCount("over_capacity")).isEqualTo(200);
    }

    @Test
    void viewersReceiveEveryVoteAndEndOnTheTrueTally() throws Exception {
        server = BareSseServer.start(0);
        Target target = Target.loopback("bare-sse", server.getAddress().getPort());
        List<String> ballots = new java.util.ArrayList<>();
        try (HttpConnection connection = target.connection(1)) {
            Device creator = Ballots.creator(connection);
            for (int i = 0; i < 3; i++) {
                ballots.add(Site.createdBallot(connection.exchange(Site.createRequest(creator, "m", Ballots.OPTIONS))));
            }
        }
        assertThat(ballots).doesNotContainNull();
        VoteLedger ledger = new VoteLedger();

        try (ViewerGroup viewers = new ViewerGroup(target, ballots, 5, 32, 100)) {
            assertThat(viewers.connect(30, quiet)).isTrue();
            assertThat(viewers.live()).isEqualTo(15);

            FanoutProbe.FanoutRep rep = new FanoutProbe(target, viewers, ballots, ledger, 200).rep(6, 3);

            assertThat(rep.wholeVote().acks()).isEqualTo(6);
            assertThat(rep.deliveries().acks()).isEqualTo(6 * 5);
            assertThat(rep.missed()).isZero();
            assertThat(ledger.totalAcknowledged()).isEqualTo(6);
            for (Viewer viewer : viewers.viewers()) {
                Map<Integer, Long> truth = new TreeMap<>(ledger.acknowledged(viewer.ballot()));
                Optional<PanelTally> shown = PanelTally.parse(viewer.lastData());
                assertThat(shown)
                        .hasValueSatisfying(t -> assertThat(t.matches(truth)).isTrue());
                assertThat(viewer.lastVersion()).isEqualTo(2);
            }
        }
    }

    @Test
    void aStreamRefusedWithAnErrorStatusIsAFailedViewerNotAHang() throws Exception {
        server = BareSseServer.start(0);
        Target target = Target.loopback("bare-sse", server.getAddress().getPort());

        try (ViewerGroup viewers = new ViewerGroup(target, List.of("no-such-ballot"), 2, 4, 0)) {
            assertThat(viewers.connect(30, quiet)).isTrue();
            assertThat(viewers.live()).isZero();
            assertThat(viewers.failures()).containsKey("status 404, content type text/html; charset=utf-8");
        }
    }
}
