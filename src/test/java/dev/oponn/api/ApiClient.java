package dev.oponn.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A program calling the API: JSON over real HTTP, no cookie jar, headers only as each call names them. */
public final class ApiClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public String base() {
        return base;
    }

    public Reply get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public Reply post(String path, @Nullable String json, String... headers) {
        HttpRequest.Builder builder = request(path, headers);
        if (json == null) {
            builder.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return send(builder);
    }

    public Reply delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    public Reply options(String path, String... headers) {
        return send(request(path, headers).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    /** A guest's new ballot: its id and manage token. */
    public Created create(String json) {
        Reply reply = post("/api/v1/ballots", json);
        if (reply.status() != 201) {
            throw new AssertionError("create answered " + reply.status() + ": " + reply.body());
        }
        JsonNode body = reply.json();
        return new Created(body.get("id").asString(), body.get("manage_token").asString(), reply);
    }

    public Created createActive(String... options) {
        return create("{\"measure\":\"Where shall we eat?\",\"options\":" + array(options) + ",\"duration_mins\":0}");
    }

    public String device() {
        Reply reply = post("/api/v1/devices", null);
        if (reply.status() != 201) {
            throw new AssertionError("devices answered " + reply.status() + ": " + reply.body());
        }
        return reply.json().get("device_token").asString();
    }

    public Reply vote(String ballot, String device, String json) {
        return post("/api/v1/ballots/" + ballot + "/votes", json, "Oponn-Device", device);
    }

    public static String array(String... values) {
        return JSON.writeValueAsString(values);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Created(String id, String manageToken, Reply reply) {

        public String[] owner() {
            return new String[] {"Authorization", "Bearer " + manageToken};
        }
    }

    public record Reply(int status, java.net.http.HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public @Nullable String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }
}
