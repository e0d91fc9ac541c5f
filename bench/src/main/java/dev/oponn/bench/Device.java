package dev.oponn.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * One simulated browser: its own cookie jar (device token, CSRF cookie, the per-ballot voted cookies), sent back
 * on every request as a browser would. It may vote on several ballots at once, so the jar is concurrent.
 */
final class Device {

    static final String CSRF_COOKIE = "oponn_csrf_token";
    static final String DEVICE_COOKIE = "oponn_device";
    static final String CSRF_FIELD = "X-CSRF-Token";

    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    /** Headers of a page load. */
    List<String> pageHeaders() {
        List<String> headers = new ArrayList<>(3);
        headers.add("Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        addCookies(headers);
        return headers;
    }

    /** Headers of a form the page posts with htmx ({@code hx-post}), as the real vote and create forms do. */
    List<String> htmxHeaders() {
        List<String> headers = pageHeaders();
        headers.add("HX-Request: true");
        return headers;
    }

    String csrfToken() {
        return cookies.getOrDefault(CSRF_COOKIE, "");
    }

    boolean ready() {
        return cookies.containsKey(CSRF_COOKIE) && cookies.containsKey(DEVICE_COOKIE);
    }

    void remember(HttpResponse response) {
        for (String setCookie : response.headers().all("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private void addCookies(List<String> headers) {
        if (!cookies.isEmpty()) {
            headers.add("Cookie: "
                    + cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
    }
}
