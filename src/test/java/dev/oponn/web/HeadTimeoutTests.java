package dev.oponn.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A client that trickles its request head is cut off once the head has taken longer than
 * {@code oponn.request.head-timeout} (2 s here), however steadily it sends; a live stream, past its head, is not.
 */
@OponnTest
@TestPropertySource(properties = "oponn.request.head-timeout=2s")
class HeadTimeoutTests {

    private static final String HEAD = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "y".repeat(200) + "\r\n\r\n";

    @LocalServerPort
    int port;

    @Test
    void aRequestHeadTrickledByteByByteIsClosedByTheServer() throws Exception {
        try (Socket slow = new Socket("127.0.0.1", port)) {
            slow.setSoTimeout(30_000);
            AtomicInteger sent = trickle(slow);

            // Blocks until the server closes the connection; the idle timeout (30 s) would be too late for this.
            assertThat(slow.getInputStream().read())
                    .as("no response, the connection closed")
                    .isEqualTo(-1);
            assertThat(sent.get()).as("bytes of the head sent before the close").isLessThan(HEAD.length());
        }
    }

    @Test
    void aLiveStreamOutlivesTheHeadTimeout() throws Exception {
        Device device = new Device(port);
        String ballot = Flows.createBallot(device, "Still streaming?", "yes, no", false);
        try (Socket stream = new Socket("127.0.0.1", port);
                Socket slow = new Socket("127.0.0.1", port)) {
            stream.setSoTimeout(30_000);
            stream.getOutputStream()
                    .write(("GET /ballots/" + ballot + "/live-results HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Accept: text/event-stream\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            Queue<String> lines = readLines(stream);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> lines.stream().anyMatch(l -> l.startsWith("HTTP/1.1 200")));

            // The slow client's close proves the head timeout has passed since the stream's head.
            slow.setSoTimeout(30_000);
            trickle(slow);
            assertThat(slow.getInputStream().read()).isEqualTo(-1);

            long before = lines.stream().filter(l -> l.startsWith("id: ")).count();
            assertThat(Flows.vote(device, ballot, "1").status()).isEqualTo(303);
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            lines.stream().filter(l -> l.startsWith("id: ")).count() > before);
        }
    }

    /** Sends {@link #HEAD} one byte every 200 ms from a thread of its own, until the socket fails. */
    private static AtomicInteger trickle(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        AtomicInteger sent = new AtomicInteger();
        Thread.ofVirtual().start(() -> {
            try {
                for (byte b : HEAD.getBytes(StandardCharsets.US_ASCII)) {
                    out.write(b);
                    out.flush();
                    sent.incrementAndGet();
                    Thread.sleep(200);
                }
            } catch (IOException | InterruptedException e) {
                // The server closed the connection: what the test waits for.
            }
        });
        return sent;
    }

    private static Queue<String> readLines(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        Queue<String> lines = new ConcurrentLinkedQueue<>();
        Thread.ofVirtual().start(() -> {
            try {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The test closed the socket.
            }
        });
        return lines;
    }
}
