package dev.oponn.faults;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * One browser: its cookie jar (the device cookie {@code oponn_device = id.signature} and the CSRF cookie, both
 * issued by a vote page) and the client, so the address, it speaks from. A device cookie names no ballot, so one
 * device may vote on many ballots, once each.
 */
final class Device {

    static final String DEVICE_COOKIE = "oponn_device";
    static final String CSRF_COOKIE = "oponn_csrf_token";
    /** The guest creator's manage key, for one vote page visit (the browser sends it to every path; Oponn reads it on that ballot's). */
    static final String MANAGE_ONCE_COOKIE = "oponn_manage_once";

    private final HttpClient http;
    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    Device(HttpClient http) {
        this.http = http;
    }

    /** Opens a vote page, which issues the device and CSRF cookies; returns the status. */
    int open(String base, String ballot) throws IOException, InterruptedException {
        return get(base, "/vote/" + ballot).statusCode();
    }

    boolean ready() {
        return cookies.containsKey(DEVICE_COOKIE) && cookies.containsKey(CSRF_COOKIE);
    }

    /** The device id: the cookie's part before the signature, which Oponn's voter key is made of. */
    String id() {
        String token = cookies.get(DEVICE_COOKIE);
        return token == null ? "" : token.substring(0, token.indexOf('.'));
    }

    String csrf() {
        return cookies.getOrDefault(CSRF_COOKIE, "");
    }

    HttpResponse<String> get(String base, String path) throws IOException, InterruptedException {
        return send(request(base, path).GET(), false);
    }

    /** Posts a form as the page's htmx form does, with this device's CSRF token first. */
    HttpResponse<String> post(String base, String path, String... fields) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder("X-CSRF-Token=").append(encode(csrf()));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.append('&').append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
        }
        return send(
                request(base, path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
                true);
    }

    /** The {@code Cookie} header this device sends, for requests made over a bare socket. */
    String cookieHeader() {
        return cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    HttpRequest.Builder request(String base, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Clients.TIMEOUT)
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        if (!cookies.isEmpty()) {
            builder.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder, boolean htmx)
            throws IOException, InterruptedException {
        if (htmx) {
            builder.header("HX-Request", "true");
        }
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        response.headers().allValues("Set-Cookie").forEach(this::remember);
        return response;
    }

    private void remember(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = pair.substring(0, eq).strip();
        String value = pair.substring(eq + 1).strip();
        if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
            cookies.remove(name);
        } else if (name.equals(DEVICE_COOKIE) || name.equals(CSRF_COOKIE) || name.equals(MANAGE_ONCE_COOKIE)) {
            // The per-ballot "voted" cookies are a browser hint only; keeping them would grow every request.
            cookies.put(name, value);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
