package dev.oponn.web;

import static dev.oponn.support.SecurityHeaderAssertions.assertSecurityHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.Device;
import dev.oponn.support.Device.Response;
import dev.oponn.support.OponnTest;
import dev.oponn.support.SecurityHeaderAssertions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Requests larger than any form Oponn has are refused before they cost anything: the right status, Oponn's error
 * page with its security headers, and not a row written.
 */
@OponnTest
class RequestLimitsTests {

    private static final String VALID_BALLOT =
            "measure=Limits+hold&options_raw=yes,no&start_time_type=now&duration_mins=0";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Device device;
    long ballotsBefore;

    @BeforeEach
    void device() {
        device = new Device(port);
        ballotsBefore = ballots();
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413AndNothingIsWritten() {
        String body = "X-CSRF-Token=" + device.csrfToken() + "&" + VALID_BALLOT + "&padding=" + "x".repeat(70 * 1024);
        Response response = device.postRaw("/create", "application/x-www-form-urlencoded", body, "Accept", "text/html");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.html().select("h1").text()).contains("413 request_too_large");
        assertSecurityHeaders(response.headers(), "413");
        assertThat(ballots()).isEqualTo(ballotsBefore);
    }

    /**
     * The server answers on the declared length alone, whatever the content type (Jetty's own form limit would
     * leave a JSON or binary body to the CSRF check): the client never has to send the body.
     */
    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", "application/json", "multipart/form-data; boundary=x"})
    void aDeclaredOversizedBodyIsRefusedBeforeItIsSent(String contentType) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /create HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n" + "Content-Type: "
                            + contentType + "\r\nContent-Length: 104857600\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("HTTP/1.1 413");
        }
        assertThat(ballots()).isEqualTo(ballotsBefore);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /create HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n"
                            + "Cookie: oponn_csrf_token=" + device.csrfToken() + "\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("X-CSRF-Token=" + device.csrfToken() + "&" + VALID_BALLOT + "&padding="
                            + "x".repeat(100 * 1024))
                    .getBytes(StandardCharsets.US_ASCII);
            out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk);
            out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("HTTP/1.1 413");
        }
        assertThat(ballots()).isEqualTo(ballotsBefore);
    }

    @Test
    void tenThousandAndOneParametersAreRefusedWith400AndNothingIsWritten() {
        StringBuilder body = new StringBuilder("X-CSRF-Token=" + device.csrfToken() + "&" + VALID_BALLOT);
        for (int i = 0; i < 10_001; i++) {
            body.append("&p=");
        }
        Response response =
                device.postRaw("/create", "application/x-www-form-urlencoded", body.toString(), "Accept", "text/html");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.html().select("h1").text()).contains("400 bad_request");
        assertSecurityHeaders(response.headers(), "400 for too many parameters");
        assertThat(ballots()).isEqualTo(ballotsBefore);
    }

    @Test
    void aNineKilobyteHeaderIsRefusedWith400AndNothingIsWritten() {
        Response response = createWithHeaderPadding(9 * 1024);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.html().select("h1").text()).contains("400 bad_request");
        assertThat(response.body()).doesNotContainIgnoringCase("jetty").doesNotContain("<style");
        assertSecurityHeaders(response.headers(), "400 for a 9 KB header");
        assertThat(ballots()).isEqualTo(ballotsBefore);
    }

    /** Over the container's own limit (16 KB), Jetty refuses before any filter: still Oponn's page and headers. */
    @Test
    void aHeaderBlockOverTheContainersLimitGetsOponnsErrorPage() {
        Response response = createWithHeaderPadding(20 * 1024);

        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.html().select("h1").text()).contains(response.status() + " bad_request");
        assertThat(response.body()).doesNotContainIgnoringCase("jetty").doesNotContain("Exception", "<style");
        assertSecurityHeaders(response.headers(), "container refusal of a 20 KB header");
        assertThat(ballots()).isEqualTo(ballotsBefore);
    }

    @Test
    void aMalformedRequestLineGetsOponnsErrorPage() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /ballots/\u0000 HTTP/9.9 junk\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 4");
            assertThat(answer).contains("Content-Security-Policy: " + SecurityHeaderAssertions.CSP);
            assertThat(answer).contains("bad_request").doesNotContainIgnoringCase("jetty");
        }
    }

    @Test
    void aFormWithinTheLimitsStillCreatesABallot() {
        String body = "X-CSRF-Token=" + device.csrfToken() + "&" + VALID_BALLOT;
        Response response = device.postRaw("/create", "application/x-www-form-urlencoded", body);
        assertThat(response.status()).isEqualTo(303);
        assertThat(ballots()).isEqualTo(ballotsBefore + 1);
    }

    /** A valid ballot form whose headers carry {@code bytes} more than it needs. */
    private Response createWithHeaderPadding(int bytes) {
        String body = "X-CSRF-Token=" + device.csrfToken() + "&" + VALID_BALLOT;
        return device.postRaw(
                "/create",
                "application/x-www-form-urlencoded",
                body,
                "Accept",
                "text/html",
                "X-Padding",
                "y".repeat(bytes));
    }

    private long ballots() {
        return jdbc.sql("SELECT count(*) FROM ballot").query(Long.class).single();
    }
}
