package dev.oponn.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A stream whose client has gone returns its slot at once, not at the next heartbeat: a class behind one address
 * reloading the results page must not meet the per-address cap with streams nobody reads. The heartbeat here is
 * far longer than the test, so only noticing the closed connection can free a slot.
 */
@OponnTest
@TestPropertySource(properties = {"oponn.live.heartbeat-interval=10m", "oponn.live.max-streams-per-client=5"})
class ClosedStreamTests {

    private static final String CLIENT = "127.0.0.93";

    @LocalServerPort
    int port;

    @Autowired
    StreamAdmission admission;

    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    @Test
    void aStreamItsClientClosedFreesItsSlotBeforeTheNextHeartbeat() throws IOException {
        String ballot = Flows.createBallot(new Device(port), "Reload?", "yes, no", false);
        List<Socket> streams = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            streams.add(openStream(ballot));
        }
        assertThat(admission.openFor(CLIENT)).isEqualTo(5);
        assertThat(statusOf(connect(ballot))).as("the address is at its cap").isEqualTo(429);

        for (Socket stream : streams) {
            stream.close();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> admission.openFor(CLIENT) == 0);
        assertThat(statusOf(connect(ballot))).as("a reload is admitted").isEqualTo(200);
    }

    /** A stream that has sent its first event. */
    private Socket openStream(String ballot) throws IOException {
        Socket socket = connect(ballot);
        assertThat(statusOf(socket)).isEqualTo(200);
        readUntil(socket.getInputStream(), "\n\n");
        return socket;
    }

    private Socket connect(String ballot) throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.setSoTimeout(20_000);
        socket.bind(new InetSocketAddress(InetAddress.getByName(CLIENT), 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        String request = "GET /ballots/" + ballot + "/live-results HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Accept: text/event-stream\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private static int statusOf(Socket socket) {
        try {
            String head = readUntil(socket.getInputStream(), "\r\n\r\n");
            return Integer.parseInt(head.substring(9, 12));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readUntil(InputStream in, String end) throws IOException {
        StringBuilder read = new StringBuilder();
        while (read.indexOf(end) < 0) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection after: " + read);
            }
            read.append((char) b);
        }
        return read.toString();
    }
}
