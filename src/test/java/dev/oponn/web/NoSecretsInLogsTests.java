package dev.oponn.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.ballot.BallotCatalog;
import dev.oponn.ballot.BallotId;
import dev.oponn.platform.LogFingerprints;
import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A log reader learns what happened, never how to open a ballot: no ballot id (it is the vote link), no manage key,
 * no device token, on any path a request can take, the error paths above all, since their paths are what a client
 * typed. Lines about one ballot still correlate through its keyed fingerprint.
 */
@OponnTest
// Oponn's debug events too (vote.recorded, rate_limit.refused): an operator may turn them on.
@TestPropertySource(properties = "logging.level.dev.oponn=DEBUG")
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NoSecretsInLogsTests {

    /** A well-formed id no ballot has: probes for it must not be logged either. */
    private static final String UNKNOWN_ID = "AAAAAAAAAAAAAAAAAAAAAQ";

    @LocalServerPort
    int port;

    @Autowired
    LogFingerprints fingerprints;

    @Autowired
    BallotCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    // First: it checks that the first refusal of each kind is logged, which a burst before it would hold back.
    @Test
    @Order(1)
    void noErrorPathLogsABallotIdAManageKeyOrADeviceToken(CapturedOutput output) {
        Device guest = new Device(port);
        String ballot = Flows.createBallot(guest, "Logged?", "yes, no", false);
        String link = Flows.manageLink(guest, ballot);
        String manage = link.replaceFirst("^http://[^/]+", "");
        String key = manage.substring(manage.lastIndexOf('/') + 1);
        assertThat(key).hasSize(43);
        String wrongKey = (key.charAt(0) == 'A' ? "B" : "A") + key.substring(1);
        List<String> ids = new ArrayList<>(List.of(ballot, UNKNOWN_ID));
        List<String> tokens = new ArrayList<>();

        Device voter = new Device(port);
        voter.get("/vote/" + ballot);
        tokens.add(voter.cookie("oponn_device"));
        assertThat(Flows.vote(voter, ballot, "1").status()).isEqualTo(303);
        assertThat(Flows.vote(voter, ballot, "2").status()).as("already voted").isEqualTo(200);
        assertThat(Flows.vote(new Device(port), ballot, "99").status())
                .as("no such option")
                .isEqualTo(200);
        assertThat(voter.postWithoutCsrf("/vote/" + ballot, "option_id", "1").status())
                .as("no CSRF token")
                .isEqualTo(403);
        assertThat(voter.post("/vote/" + ballot + "/", "option_id", "1").status())
                .as("a trailing slash")
                .isIn(404, 405);
        assertThat(voter.postRaw("/vote/" + ballot, "application/x-www-form-urlencoded", "x=" + "y".repeat(100_000))
                        .status())
                .as("too large")
                .isEqualTo(413);
        assertThat(voter.post(
                                "/create",
                                "measure",
                                "",
                                "options_raw",
                                "only one",
                                "start_time_type",
                                "now",
                                "duration_mins",
                                "x")
                        .status())
                .as("a form with errors")
                .isEqualTo(200);

        for (String path : List.of(
                "/vote/" + UNKNOWN_ID,
                "/results/" + UNKNOWN_ID,
                "/ballots/" + UNKNOWN_ID + "/live-results",
                "/ballots/" + ballot + "/nothing-here",
                "/vote/" + ballot + ".",
                "/results/" + ballot + "/",
                "/manage/" + ballot + "/" + wrongKey,
                "/manage/" + UNKNOWN_ID + "/" + key,
                manage + "/",
                manage + ".",
                manage + "/x")) {
            assertThat(guest.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(guest.get(manage).status()).as("the manage link works").isEqualTo(200);
        assertThat(guest.get("/manage/" + ballot).status())
                .as("a guest must sign in")
                .isEqualTo(303);
        assertThat(guest.postRaw(
                                "/results/" + ballot,
                                "application/x-www-form-urlencoded",
                                "X-CSRF-Token=" + guest.csrfToken())
                        .status())
                .as("wrong method")
                .isEqualTo(405);
        assertThat(guest.post(manage, "anything", "1").status())
                .as("POST to the manage link")
                .isIn(404, 405);

        String cookies = "Cookie: oponn_csrf_token=" + guest.csrfToken() + "\r\nX-CSRF-Token: " + guest.csrfToken();
        for (String method : List.of("DELETE", "PUT", "PATCH", "POST")) {
            assertThat(raw(method + " " + manage + " HTTP/1.1", cookies))
                    .as(method)
                    .startsWith("HTTP/1.1 4");
            assertThat(raw(method + " " + manage + "/ HTTP/1.1", cookies))
                    .as(method)
                    .startsWith("HTTP/1.1 4");
        }
        for (String path : List.of(
                "/vote//" + ballot,
                "/vote/" + ballot + ";jsessionid=1",
                "/vote/%2e/" + ballot,
                "/vote/%2e%2e/manage/" + ballot + "/" + key,
                "/manage/" + ballot + "/" + key + "%00",
                "/manage/" + ballot + "//" + key,
                "/manage/" + ballot + "/" + key + "/..;/",
                "/vote/" + ballot + "?a=%zz")) {
            assertThat(raw("GET " + path + " HTTP/1.1", "")).as(path).startsWith("HTTP/1.1 ");
        }
        assertThat(raw("GET /vote/" + ballot + " HTTP/1.1", "X-Big: " + "z".repeat(20_000)))
                .as("headers over the limit")
                .startsWith("HTTP/1.1 431");
        assertThat(raw("GET /manage/" + ballot + "/" + key + " HTTP/9.9", ""))
                .as("an unknown protocol")
                .startsWith("HTTP/1.1 505");

        String ended = Flows.createBallot(guest, "Over?", "yes, no", false);
        ids.add(ended);
        jdbc.sql(
                        "UPDATE ballot SET starts_at = now() - interval '2 minutes', ends_at = now() - interval '1 minute' WHERE id = :id")
                .param("id", ended)
                .update();
        catalog.refresh(new BallotId(ended));
        assertThat(Flows.vote(new Device(port), ended, "1").status())
                .as("ended")
                .isEqualTo(200);

        String tampered = Flows.createBallot(guest, "Tampered?", "yes, no", false);
        ids.add(tampered);
        jdbc.sql("UPDATE ballot SET measure = set_bit(measure, 120, 1 - get_bit(measure, 120)) WHERE id = :id")
                .param("id", tampered)
                .update();
        try {
            catalog.refresh(new BallotId(tampered));
        } catch (RuntimeException expected) {
            // Fails closed; the catalog no longer holds it.
        }
        assertThat(guest.get("/vote/" + tampered).status()).as("fails closed").isEqualTo(500);
        assertThat(guest.get("/ballots/" + tampered + "/live-results").status()).isEqualTo(500);

        String logs = output.getOut() + output.getErr();
        assertThat(logs).contains("ballot.created", "ballot=\"" + fingerprints.ballot(ballot) + "\"");
        assertThat(logs).contains("vote.rejected", "http.forbidden", "http.method_not_allowed", "http.server_error");
        for (String id : ids) {
            assertThat(logs).as("ballot id %s", id).doesNotContain(id);
        }
        assertThat(logs).as("manage key").doesNotContain(key).doesNotContain(wrongKey);
        for (String token : tokens) {
            assertThat(logs).as("device token").doesNotContain(token);
        }
    }

    @Test
    void aHundredProbesAreCountedButWriteAtMostTwoLines(CapturedOutput output) {
        double before = notFoundCount();
        Device prober = new Device(port);
        for (int i = 0; i < 100; i++) {
            assertThat(prober.get("/wp-admin/probe-" + i + ".php").status()).isEqualTo(404);
        }

        assertThat(notFoundCount() - before).isEqualTo(100);
        assertThat(output.getOut().lines().filter(line -> line.contains("http.not_found")))
                .as("one line per interval at most, and the test may straddle one boundary")
                .hasSizeLessThanOrEqualTo(2);
        assertThat(output.getOut()).doesNotContain("probe-");
    }

    @Test
    void aHundredWrongMethodsAndAHundredForgedFormsWriteAtMostTwoLinesEach(CapturedOutput output) {
        Device stranger = new Device(port);
        String ballot = Flows.createBallot(stranger, "Flooded?", "yes, no", false);
        double methods = clientErrors("405");
        double forbidden = clientErrors("403");
        for (int i = 0; i < 50; i++) {
            assertThat(stranger.post("/results/" + ballot, "n", String.valueOf(i))
                            .status())
                    .isEqualTo(405);
            assertThat(stranger.postWithoutCsrf("/vote/" + ballot, "option_id", "1")
                            .status())
                    .isEqualTo(403);
            // A client that does not ask for HTML (a problem document) is logged the same way.
            assertThat(stranger.postRaw(
                                    "/results/" + ballot,
                                    "application/x-www-form-urlencoded",
                                    "X-CSRF-Token=" + stranger.csrfToken(),
                                    "Accept",
                                    "application/json")
                            .status())
                    .isEqualTo(405);
            assertThat(stranger.postRaw("/create", "application/x-www-form-urlencoded", "measure=x", "Accept", "*/*")
                            .status())
                    .isEqualTo(403);
        }

        assertThat(clientErrors("405") - methods).isEqualTo(100);
        assertThat(clientErrors("403") - forbidden).isEqualTo(100);
        assertThat(output.getOut().lines().filter(line -> line.contains("http.method_not_allowed")))
                .as("one line per interval at most, and the test may straddle one boundary")
                .hasSizeLessThanOrEqualTo(2);
        assertThat(output.getOut().lines().filter(line -> line.contains("http.forbidden")))
                .hasSizeLessThanOrEqualTo(2);
        assertThat(output.getOut()).doesNotContain(ballot);
    }

    private double clientErrors(String status) {
        Counter counter =
                meters.find("oponn.http.client_errors").tag("status", status).counter();
        return counter == null ? 0 : counter.count();
    }

    private double notFoundCount() {
        return meters.get("oponn.http.not_found").counter().count();
    }

    /** One request over its own connection, exactly as written: no client normalises the path or refuses it. */
    private String raw(String requestLine, String headers) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            String request = requestLine + "\r\nHost: 127.0.0.1\r\nAccept: text/html\r\nConnection: close\r\n"
                    + (headers.isEmpty() ? "" : headers + "\r\n") + "Content-Length: 0\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return readAll(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        try {
            in.transferTo(read);
        } catch (IOException reset) {
            // Jetty may reset a connection it refused after answering; what arrived is the answer.
        }
        return read.toString(StandardCharsets.ISO_8859_1);
    }
}
