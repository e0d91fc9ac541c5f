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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

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

    /**
     * Past the container's output buffer (32 KB) the response commits while the page is still being written; the
     * headers must be on it already.
     */
    @Test
    void aPageOfTwoHundredKilobytesCarriesTheSecurityHeaders() {
        String options = IntStream.range(0, 2000).mapToObj(i -> "Option " + i).collect(Collectors.joining(","));
        String large = Flows.createBallot(device, "A very long ballot", options, false);

        Response page = device.get("/vote/" + large);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().length()).isGreaterThan(200 * 1024);
        assertAllHeaders(page.headers(), "200 KB vote page");
    }

    /** Three bytes a character: the response commits on bytes, well before the page's characters reach 32 KB. */
    @Test
    void aPageOfMultiByteTextCarriesTheSecurityHeaders() {
        String options = IntStream.range(0, 200)
                .mapToObj(i -> "選択肢" + i + "日本語の長い選択肢の名前です")
                .collect(Collectors.joining(","));
        String cjk = Flows.createBallot(device, "投票の長い質問ですか", options, false);

        Response page = device.get("/vote/" + cjk);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().length()).isLessThan(32 * 1024);
        assertThat(page.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isGreaterThan(32 * 1024);
        assertAllHeaders(page.headers(), "multi-byte vote page");
    }

    /** Every file under static/ and every script or stylesheet the layout links (the webjars among them). */
    @Test
    void everyStaticAssetCarriesTheSecurityHeaders() throws IOException {
        List<String> assets = new ArrayList<>();
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:static/**/*.*");
        for (Resource file : files) {
            String url = file.getURL().toString();
            assets.add(url.substring(url.indexOf("/static/") + "/static".length()));
        }
        // Every file of every webjar (htmx, its SSE extension, swagger-ui), by its versioned path, not only the
        // ones a page links: a large one is where the headers were lost before they were written first.
        Resource[] webjars =
                new PathMatchingResourcePatternResolver().getResources("classpath*:META-INF/resources/webjars/**/*.*");
        for (Resource file : webjars) {
            String url = file.getURL().toString();
            assets.add(url.substring(url.lastIndexOf("META-INF/resources/") + "META-INF/resources".length()));
        }
        assertThat(webjars).as("the webjars on the class path").hasSizeGreaterThan(10);
        for (Element linked : device.get("/").html().select("script[src], link[href]")) {
            assets.add(linked.hasAttr("src") ? linked.attr("src") : linked.attr("href"));
        }
        assertThat(assets).contains("/css/oponn.css", "/js/oponn.js", "/webjars/htmx.org/dist/htmx.min.js");

        for (String asset : assets) {
            Response response = device.get(asset);
            assertThat(response.status()).as(asset).isEqualTo(200);
            assertAllHeaders(response.headers(), asset);
        }
    }

    /** The shared assertions plus {@code Cache-Control}, which every response here gets too. */
    private static void assertAllHeaders(java.net.http.HttpHeaders headers, String what) {
        assertSecurityHeaders(headers, what);
        assertThat(headers.firstValue("Cache-Control")).as(what).isPresent();
    }
}
