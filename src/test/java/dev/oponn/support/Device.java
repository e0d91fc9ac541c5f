package dev.oponn.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/**
 * One browser as the server sees it: its own cookie jar (device token, CSRF cookie, voted cookies), speaking real
 * HTTP to a running instance. Many devices can share one {@link HttpClient}.
 */
public final class Device {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String base;
    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    private volatile @Nullable String forwardedFor;

    public Device(HttpClient http, int port) {
        this.http = http;
        this.base = "http://127.0.0.1:" + port;
    }

    public Device(int port) {
        this(newClient(), port);
    }

    /**
     * Every request of this device says, in {@code X-Forwarded-For}, that it comes from {@code address}: a client of
     * its own behind a proxy the server trusts ({@code oponn.proxy.trusted-addresses}), with its own rate limits.
     */
    public Device from(String address) {
        this.forwardedFor = address;
        return this;
    }

    public static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
    }

    public Response get(String path) {
        return send(request(path).GET(), false);
    }

    /** A GET with extra headers, name then value (a proxy's {@code X-Forwarded-For}, say). */
    public Response getWith(String path, String... headers) {
        HttpRequest.Builder builder = request(path).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder, false);
    }

    public Response getHtmx(String path) {
        return send(request(path).GET(), true);
    }

    /** A form post carrying this device's CSRF token, as the page's form would. */
    public Response post(String path, String... fields) {
        return postForm(path, false, true, fields);
    }

    public Response postHtmx(String path, String... fields) {
        return postForm(path, true, true, fields);
    }

    /**
     * A form post that may repeat a name (checkboxes), in the order given, with this device's CSRF token.
     *
     * @param htmx whether it is htmx's request ({@code HX-Request})
     */
    public Response postAll(String path, boolean htmx, String... fields) {
        StringBuilder body = new StringBuilder("X-CSRF-Token=").append(encode(csrfToken()));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.append('&').append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
        }
        return send(
                request(path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
                htmx);
    }

    public Response postWithoutCsrf(String path, String... fields) {
        return postForm(path, false, false, fields);
    }

    public Response postRaw(String path, String contentType, String body, String... headers) {
        return send("POST", path, contentType, body, headers);
    }

    /** Any method, with this body and these extra headers (name, value, ...), carrying the device's cookies. */
    public Response send(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder builder = request(path)
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder, false);
    }

    /** The CSRF cookie's value, under its plain name or, with secure cookies, its {@code __Host-} name. */
    public String csrfToken() {
        String token = csrfCookie();
        if (token == null) {
            get("/create");
            token = csrfCookie();
        }
        if (token == null) {
            throw new IllegalStateException("the server set no CSRF cookie");
        }
        return token;
    }

    private @Nullable String csrfCookie() {
        String token = cookies.get("oponn_csrf_token");
        return token != null ? token : cookies.get("__Host-oponn_csrf_token");
    }

    public @Nullable String cookie(String name) {
        return cookies.get(name);
    }

    public void forgetCookie(String name) {
        cookies.remove(name);
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    private Response postForm(String path, boolean htmx, boolean withCsrf, String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        if (withCsrf) {
            form.put("X-CSRF-Token", csrfToken());
        }
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(
                request(path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                htmx);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                // As a browser does; without it Spring Boot answers errors in JSON, not with the error page.
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        String address = forwardedFor;
        if (address != null) {
            builder.header("X-Forwarded-For", address);
        }
        if (!cookies.isEmpty()) {
            builder.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder, boolean htmx) {
        if (htmx) {
            builder.header("HX-Request", "true");
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(this::remember);
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = pair.substring(0, eq).strip();
        String value = pair.substring(eq + 1).strip();
        boolean expired = setCookie.toLowerCase().contains("max-age=0");
        if (expired || value.isEmpty()) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public record Response(int status, java.net.http.HttpHeaders headers, String body) {

        public Document html() {
            return Jsoup.parse(body);
        }

        public @Nullable String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
