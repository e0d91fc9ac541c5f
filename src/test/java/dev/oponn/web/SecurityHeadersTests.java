package dev.oponn.web;

import static dev.oponn.support.SecurityHeaderAssertions.assertSecurityHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.Device;
import dev.oponn.support.Device.Response;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every kind of response carries the same security headers: pages, HTMX fragments and redirects, error pages and
 * streams. (HSTS is absent here because this is development; EnvironmentTests sees it in production.)
 */
@OponnTest
class SecurityHeadersTests {

    @LocalServerPort
    int port;

    Device device;
    String ballot;

    @BeforeEach
    void ballot() {
        device = new Device(port);
        ballot = Flows.createBallot(device, "Headers everywhere?", "yes, no", true);
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        for (String page : new String[] {"/", "/create", "/vote/" + ballot, "/results/" + ballot, "/login"}) {
            Response response = device.get(page);
            assertThat(response.status()).as(page).isEqualTo(200);
            assertSecurityHeaders(response.headers(), page);
        }
    }

    @Test
    void fragmentsAndHtmxAnswersCarryTheSecurityHeaders() {
        assertSecurityHeaders(device.getHtmx("/create").headers(), "create form fragment");
        assertSecurityHeaders(
                device.getHtmx("/partials/start-time-input?start_time_type=scheduled")
                        .headers(),
                "start time fragment");
        assertSecurityHeaders(device.getHtmx("/vote/" + ballot).headers(), "vote form fragment");
        assertSecurityHeaders(device.getHtmx("/results/" + ballot).headers(), "results panel fragment");

        Response invalid = device.postHtmx("/create", "measure", "ab", "options_raw", "one");
        assertThat(invalid.status()).isEqualTo(200);
        assertSecurityHeaders(invalid.headers(), "invalid create form fragment");

        Response voted = device.postHtmx("/vote/" + ballot, "option_id", "1");
        assertThat(voted.status()).isEqualTo(204);
        assertSecurityHeaders(voted.headers(), "HX-Redirect after a vote");
    }

    @Test
    void errorPagesCarryTheSecurityHeaders() {
        Response notFound = device.get("/vote/AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(notFound.status()).isEqualTo(404);
        assertSecurityHeaders(notFound.headers(), "404");

        Response forbidden = device.postWithoutCsrf("/vote/" + ballot, "option_id", "1");
        assertThat(forbidden.status()).isEqualTo(403);
        assertSecurityHeaders(forbidden.headers(), "403 without a CSRF token");

        Response wrongMethod =
                device.postRaw("/results/" + ballot, "text/plain", "", "X-CSRF-Token", device.csrfToken());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertSecurityHeaders(wrongMethod.headers(), "405");
    }

    /**
     * Written against the stream path, whatever answers it in this build: the headers must be there as soon as the
     * response starts, so only the head of the response is read and the stream is then dropped.
     */
    @Test
    void theLiveResultsStreamCarriesTheSecurityHeaders() throws IOException, InterruptedException {
        try (HttpClient http = Device.newClient()) {
            HttpResponse<InputStream> stream = http.send(
                    HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/ballots/" + ballot + "/live-results"))
                            .header("Accept", "text/event-stream")
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            stream.body().close();
            assertSecurityHeaders(stream.headers(), "live results stream (" + stream.statusCode() + ")");
        }
    }
}
