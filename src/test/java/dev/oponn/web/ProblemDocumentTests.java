package dev.oponn.web;

import static dev.oponn.support.SecurityHeaderAssertions.assertSecurityHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.Device;
import dev.oponn.support.OponnTest;
import dev.oponn.support.SecurityHeaderAssertions;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client that does not ask for HTML gets each error Oponn makes as a problem document (RFC 9457) of Oponn's own:
 * the same status, the security headers, and nothing from the request echoed. {@code /error} itself is a 404.
 */
@OponnTest
@ExtendWith(OutputCaptureExtension.class)
class ProblemDocumentTests {

    private static final String PROBLEM = "application/problem+json";

    @LocalServerPort
    int port;

    HttpClient http;
    Device device;

    @BeforeEach
    void client() {
        http = Device.newClient();
        device = new Device(http, port);
    }

    @AfterEach
    void close() {
        http.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "*/*", ""})
    void anUnknownPathIsAProblemDocumentWithoutThePath(String accept) {
        HttpResponse<String> response = send(get("/no-such-page-xyzzy", accept));

        assertProblem(response, 404, "Not Found");
        assertThat(response.body()).doesNotContain("xyzzy", "path", "timestamp", "exception", "trace");
    }

    @Test
    void aBrowserStillGetsThePage() {
        HttpResponse<String> response = send(get("/no-such-page", "text/html,*/*;q=0.8"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("404 not_found");
    }

    @Test
    void theErrorPathAskedForDirectlyIsNotFound(CapturedOutput output) {
        HttpResponse<String> page = send(get("/error", "text/html"));
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("404 not_found");
        assertSecurityHeaders(page.headers(), "GET /error");

        assertProblem(send(get("/error", "application/json")), 404, "Not Found");
        assertThat(output.getOut()).as("a 404, not a logged server error").doesNotContain("http.server_error");
    }

    @Test
    void aRefusedCsrfTokenIsAProblemDocument() {
        HttpRequest.Builder post = post("/create", "application/x-www-form-urlencoded", "measure=x&options_raw=a,b");
        assertProblem(send(post), 403, "Forbidden");
    }

    /**
     * Refused in Jetty by the size limit, before the servlet layer: the container's error handler writes it. Only
     * the head is sent, as the refusal comes before the body is read.
     */
    @Test
    void anOversizedBodyIsAProblemDocument() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream()
                    .write(("POST /create HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
                                    + "Content-Type: application/json\r\nContent-Length: 104857600\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).containsIgnoringCase("Content-Type: " + PROBLEM);
            assertThat(answer).contains("Content-Security-Policy: " + SecurityHeaderAssertions.CSP);
            assertThat(answer)
                    .endsWith("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                            + "\"detail\":\"The request was larger than Oponn accepts.\"}");
        }
    }

    @Test
    void tooManyFormValuesIsAProblemDocument() {
        HttpRequest.Builder post = post("/create", "application/x-www-form-urlencoded", "p=&".repeat(200));
        assertProblem(send(post), 400, "Bad Request");
    }

    /** Refused by a filter before Spring Security ({@code RequestSizeLimit}), rendered through {@code /error}. */
    @Test
    void tooManyHeaderBytesIsAProblemDocument() {
        HttpRequest.Builder get = get("/", "application/json").header("X-Padding", "y".repeat(9 * 1024));
        assertProblem(send(get), 400, "Bad Request");
    }

    private void assertProblem(HttpResponse<String> response, int status, String title) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        assertSecurityHeaders(response.headers(), status + " problem document");
        JsonNode problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("about:blank");
        assertThat(problem.path("title").asString()).isEqualTo(title);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(problem.propertyNames()).containsExactly("type", "title", "status", "detail");
    }

    private HttpRequest.Builder get(String path, String accept) {
        HttpRequest.Builder get = request(path).GET();
        return accept.isEmpty() ? get : get.header("Accept", accept);
    }

    private HttpRequest.Builder post(String path, String contentType, String body) {
        return request(path)
                .header("Accept", "application/json")
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
