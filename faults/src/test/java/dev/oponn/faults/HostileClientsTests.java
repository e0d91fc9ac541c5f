package dev.oponn.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Clients that hold connections instead of finishing requests: slowloris, and one address opening streams by the
 * thousand, some of which never read. Application tests prove each defence in one JVM ({@code web.HeadTimeoutTests},
 * {@code live.StreamAdmissionTests}, {@code live.ViewerTests}); these hold the built jar to the criteria.
 */
@Order(4)
@ExtendWith(SuiteExtension.class)
class HostileClientsTests {

    /** Oponn's default {@code OPONN_REQUEST_HEAD_TIMEOUT}, which the suite's cluster keeps. */
    private static final Duration HEAD_TIMEOUT = Duration.ofSeconds(10);

    /** Oponn's default {@code OPONN_LIVE_MAX_STREAMS_PER_CLIENT}. */
    private static final int STREAMS_PER_CLIENT = 50;

    private static final int STREAMS_ASKED = 10_000;

    private static final int OPTIONS = 150;

    private final Suite suite;
    private final Rig rig;

    HostileClientsTests(Suite suite) {
        this.suite = suite;
        this.rig = suite.rig();
    }

    @Test
    @Order(1)
    void slowlorisSocketsAreClosedWithinTheHeadTimeoutWhileAnHonestClientIsServed() throws Exception {
        OponnInstance on = rig.instance(0);
        try (Clients honest = new Clients(1, 220)) {
            String ballot = Ballots.create(honest, on, "slowloris", "a, b", false);
            Device device = new Device(honest.next());
            long unloaded = p99(device, on, ballot, 150);

            int sockets = 1000;
            List<Socket> slow = new ArrayList<>();
            long[] closedAfter = new long[sockets];
            Arrays.fill(closedAfter, -1);
            long opened = System.nanoTime();
            try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < sockets; i++) {
                    Socket socket = new Socket();
                    socket.bind(new InetSocketAddress(Clients.address(221, i % 50), 0));
                    socket.connect(new InetSocketAddress("127.0.0.1", on.port()), 5000);
                    socket.getOutputStream()
                            .write(("GET /vote/" + ballot + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
                                    .getBytes(StandardCharsets.US_ASCII));
                    slow.add(socket);
                    int index = i;
                    readers.execute(() -> closedAfter[index] = awaitClose(socket, opened));
                }
                ExecutorService dripper = Executors.newSingleThreadExecutor();
                dripper.execute(() -> drip(slow));
                long loaded = p99(device, on, ballot, 150);
                Ports.await(
                        HEAD_TIMEOUT.multipliedBy(3),
                        () -> Arrays.stream(closedAfter).allMatch(t -> t >= 0));
                dripper.shutdownNow();
                slow.forEach(HostileClientsTests::quietly);

                long stillOpen = Arrays.stream(closedAfter).filter(t -> t < 0).count();
                long latest = Arrays.stream(closedAfter).max().orElse(-1);
                double ratio = unloaded <= 0 ? 0 : (double) loaded / unloaded;
                boolean honestServed = loaded <= Math.max(5 * unloaded, 250);
                suite.report()
                        .add(Report.Row.abuse(
                                "slowloris: 1,000 sockets dripping a header byte a second",
                                sockets,
                                Map.of("closed by the server", (long) sockets - stillOpen, "still open", stillOpen),
                                "last closed " + latest + " ms after opening (head timeout " + HEAD_TIMEOUT.toSeconds()
                                        + " s); honest p99 " + unloaded + " ms alone, " + loaded + " ms beside them",
                                stillOpen == 0 && honestServed));

                assertThat(stillOpen)
                        .as("slow sockets the server had not closed after three head timeouts")
                        .isZero();
                assertThat(loaded)
                        .as(
                                "honest p99 beside the slow sockets (%d ms alone, ratio %.1f): within 5x, or 250 ms",
                                unloaded, ratio)
                        .isLessThanOrEqualTo(Math.max(5 * unloaded, 250));
            }
        }
    }

    @Test
    @Order(2)
    void oneAddressIsCappedStalledViewersAreDroppedAndTheRestKeepUp() throws Exception {
        OponnInstance on = rig.instance(0);
        long heapBefore = on.heapAfterGc();
        double droppedBefore = on.metric("oponn_live_viewers_dropped_total");
        try (Clients voters = new Clients(8, 222);
                Clients watchers = new Clients(18, 223)) {
            List<String> labels = new ArrayList<>();
            // 150 long options make each frame about 45 KB, so a viewer that stops reading fills its socket's
            // buffers in seconds (the kernel's on loopback hold over a megabyte).
            for (int i = 1; i <= OPTIONS; i++) {
                labels.add("a long label to make every live frame heavier: number " + i);
            }
            String ballot = Ballots.create(voters, on, "streams", String.join(", ", labels), false);

            // One address asks for 10,000 streams: past the cap the answer is 429, from the cap or, once the
            // address has spent its stream connects (1,200 a minute), from the rate limiter.
            Map<String, Long> capped = new TreeMap<>();
            List<Socket> held = new ArrayList<>();
            for (int i = 0; i < STREAMS_ASKED; i++) {
                Socket socket = RawHttp.connect(Clients.address(224, 0), on.port());
                socket.getOutputStream()
                        .write(("GET /ballots/" + ballot + "/live-results HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                        + "Accept: text/event-stream\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                String status = statusLine(socket.getInputStream());
                capped.merge(status, 1L, Long::sum);
                if (status.equals("200")) {
                    held.add(socket);
                } else {
                    quietly(socket);
                }
            }

            // 40 viewers from addresses of their own; 4 of them never read (a tiny receive window, never drained).
            List<Socket> stalled = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Socket socket = new Socket();
                socket.setReceiveBufferSize(1024);
                socket.bind(new InetSocketAddress(Clients.address(225, i), 0));
                socket.connect(new InetSocketAddress("127.0.0.1", on.port()), 5000);
                socket.getOutputStream()
                        .write(("GET /ballots/" + ballot + "/live-results HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                        + "Accept: text/event-stream\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                stalled.add(socket);
            }
            try (Viewers readers = Viewers.watch(List.of(ballot), List.of(on), 18, watchers)) {
                History history = new History();
                try (Load load = new Load(
                                history, List.of(on), List.of(ballot), OPTIONS, voters, 4, Duration.ofMillis(20))
                        .withDevices(400)
                        .start()) {
                    Ports.pause(Duration.ofSeconds(25));
                }
                Map<String, Map<Integer, Long>> truth = Checker.tallies(rig, new HashSet<>(List.of(ballot)));
                Duration settled = readers.awaitConverged(() -> truth, Duration.ofSeconds(20));
                double dropped = on.metric("oponn_live_viewers_dropped_total") - droppedBefore;
                long closedStalled = stalled.stream()
                        .filter(HostileClientsTests::drainedToEnd)
                        .count();
                held.forEach(HostileClientsTests::quietly);
                stalled.forEach(HostileClientsTests::quietly);
                long minEvents =
                        readers.all().stream().mapToLong(Viewer::events).min().orElse(0);
                long heapAfter = on.heapAfterGc();
                long growth = heapAfter - heapBefore;
                boolean passed = capped.getOrDefault("200", 0L) == STREAMS_PER_CLIENT
                        && capped.getOrDefault("429", 0L) == STREAMS_ASKED - STREAMS_PER_CLIENT
                        && closedStalled == stalled.size()
                        && settled != null
                        && growth < 64L << 20;
                suite.report()
                        .add(Report.Row.abuse(
                                "10,000 streams from one address; 2 of 20 viewers stop reading",
                                STREAMS_ASKED + 20,
                                capped,
                                "stalled viewers dropped " + closedStalled + " of 2 (metric +" + (long) dropped
                                        + "); readers settled on the tally "
                                        + (settled == null ? "never" : "in " + settled.toMillis() + " ms")
                                        + ", fewest frames one received " + minEvents + "; heap after GC "
                                        + (heapBefore >> 20) + " -> " + (heapAfter >> 20) + " MB",
                                passed));

                assertThat(capped)
                        .as("one address: %d streams, the rest 429", STREAMS_PER_CLIENT)
                        .containsEntry("200", (long) STREAMS_PER_CLIENT)
                        .containsEntry("429", (long) STREAMS_ASKED - STREAMS_PER_CLIENT);
                assertThat(closedStalled)
                        .as("viewers that stopped reading, dropped by the server")
                        .isEqualTo(2);
                assertThat(readers.behind(truth))
                        .as("reading viewers that do not show the tally")
                        .isEmpty();
                assertThat(readers.regressions()).isZero();
                assertThat(minEvents)
                        .as("every reading viewer kept receiving frames")
                        .isGreaterThan(10);
                assertThat(growth).as("heap growth after GC, bound 64 MB").isLessThan(64L << 20);
            }
        }
    }

    /**
     * Reads what the server had queued until it closes the socket: true if it did within 20 s. A viewer it had not
     * dropped keeps its stream (heartbeats), so reading never ends by itself.
     */
    private static boolean drainedToEnd(Socket socket) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try {
            socket.setSoTimeout(2_000);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[65536];
            while (System.nanoTime() < deadline) {
                try {
                    if (in.read(buffer) < 0) {
                        return true;
                    }
                } catch (java.net.SocketTimeoutException quiet) {
                    // Nothing more queued yet: go on until the deadline.
                }
            }
            return false;
        } catch (IOException e) {
            return e.getMessage() != null && e.getMessage().toLowerCase().contains("reset");
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.append((char) b);
        }
        String[] parts = line.toString().split(" ");
        return parts.length > 1 ? parts[1] : "none";
    }

    /** One byte of header per socket per second, as slowloris does. */
    private static void drip(List<Socket> sockets) {
        while (!Thread.currentThread().isInterrupted()) {
            for (Socket socket : sockets) {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write('a');
                } catch (IOException e) {
                    // Closed by the server: the point.
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long awaitClose(Socket socket, long opened) {
        try {
            socket.setSoTimeout((int) HEAD_TIMEOUT.multipliedBy(4).toMillis());
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // A 408 or anything else the server sends before closing.
            }
        } catch (IOException e) {
            if (e instanceof java.net.SocketTimeoutException) {
                return -1;
            }
        }
        return (System.nanoTime() - opened) / 1_000_000;
    }

    /** The 99th percentile of {@code n} sequential vote-page loads by one honest device, in ms. */
    private static long p99(Device device, OponnInstance on, String ballot, int n) throws Exception {
        long[] waits = new long[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            HttpResponse<String> page = device.get(on.base(), "/vote/" + ballot);
            waits[i] = (System.nanoTime() - start) / 1_000_000;
            assertThat(page.statusCode()).isEqualTo(200);
        }
        Arrays.sort(waits);
        return waits[(int) Math.floor(0.99 * (n - 1))];
    }

    private static void quietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }
}
