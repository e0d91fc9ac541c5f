package dev.oponn.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.Device;
import dev.oponn.support.Device.Response;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Requests that must change nothing: forged, oversized or malformed. */
@OponnTest
class RequestSafetyTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Device device;

    @BeforeEach
    void newDevice() {
        device = new Device(port);
    }

    @Test
    void createWithoutCsrfTokenIs403AndWritesNothing() {
        long before = ballots();
        Response refused = device.postWithoutCsrf(
                "/create", "measure", "Sneaky", "options_raw", "a, b", "start_time_type", "now", "duration_mins", "10");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.html().select("h1").text()).contains("403 forbidden");
        assertThat(ballots()).isEqualTo(before);
    }

    @Test
    void createWithAWrongCsrfTokenIs403AndWritesNothing() {
        device.csrfToken();
        long before = ballots();
        Response refused = device.postWithoutCsrf(
                "/create", "X-CSRF-Token", "not-the-cookie", "measure", "Sneaky", "options_raw", "a, b");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(ballots()).isEqualTo(before);
    }

    @Test
    void voteWithoutCsrfTokenIs403AndCountsNothing() {
        String id = Flows.createBallot(device, "Guarded", "a, b", false);
        Device voter = new Device(port);
        voter.get("/vote/" + id);
        assertThat(voter.postWithoutCsrf("/vote/" + id, "option_id", "1").status())
                .isEqualTo(403);
        assertThat(voter.postWithoutCsrf("/vote/" + id, "option_id", "1", "X-CSRF-Token", "")
                        .status())
                .isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM ballot_voter WHERE ballot_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void csrfTokenInTheHeaderWorksForHtmxAndScripts() {
        String token = device.csrfToken();
        Response created = device.postRaw(
                "/create",
                "application/x-www-form-urlencoded",
                "measure=From+a+script&options_raw=a,b&start_time_type=now&duration_mins=10",
                "X-CSRF-Token",
                token,
                "HX-Request",
                "true");
        assertThat(created.status()).isEqualTo(204);
        assertThat(created.header("HX-Redirect")).startsWith("/vote/");
    }

    @Test
    void csrfCookieCarriesTheReferenceName() {
        Response page = device.get("/create");
        assertThat(page.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("oponn_csrf_token=")
                        .contains("HttpOnly")
                        .contains("SameSite=Lax"));
    }

    @Test
    void oversizedBodyIsRefusedWith413AndWritesNothing() {
        long before = ballots();
        String huge = "measure=" + "x".repeat(200_000)
                + "&options_raw=a,b&start_time_type=now&duration_mins=10&X-CSRF-Token=" + device.csrfToken();
        Response refused = device.postRaw("/create", "application/x-www-form-urlencoded", huge);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(ballots()).isEqualTo(before);
    }

    @Test
    void tooManyParametersAreRefusedWith400AndWriteNothing() {
        long before = ballots();
        StringBuilder body = new StringBuilder(
                "measure=Many&options_raw=a,b&start_time_type=now&duration_mins=10&X-CSRF-Token=" + device.csrfToken());
        for (int i = 0; i < 10_001; i++) {
            body.append("&p=1");
        }
        Response refused = device.postRaw("/create", "application/x-www-form-urlencoded", body.toString());
        assertThat(body.length()).isLessThan(64 * 1024);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(ballots()).isEqualTo(before);
    }

    @Test
    void errorPagesNeverShowInternals() {
        for (String path : new String[] {"/vote/AAAAAAAAAAAAAAAAAAAAAA", "/no/such/page"}) {
            Response page = device.get(path);
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.body()).doesNotContain("Exception", "at dev.oponn", "org.springframework", "Whitelabel");
        }
        Response wrongMethod = device.postRaw(
                "/results/AAAAAAAAAAAAAAAAAAAAAA",
                "application/x-www-form-urlencoded",
                "X-CSRF-Token=" + device.csrfToken());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.body()).doesNotContain("Exception", "org.springframework");
    }

    private long ballots() {
        return jdbc.sql("SELECT count(*) FROM ballot").query(Long.class).single();
    }
}
