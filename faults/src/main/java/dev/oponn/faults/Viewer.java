package dev.oponn.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A live viewer as a browser's EventSource is one: it opens a ballot's stream on one instance, keeps the newest
 * panel it was sent, and when the stream ends or fails reconnects after a second with {@code Last-Event-ID}.
 */
final class Viewer {

    private final String ballot;
    private final OponnInstance on;
    private final HttpClient http;
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong regressions = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final Map<String, Long> refusals = new TreeMap<>();
    private volatile Panel last;
    private volatile String lastId = "";
    private volatile boolean running = true;
    private volatile InputStream open;

    Viewer(String ballot, OponnInstance on, HttpClient http) {
        this.ballot = ballot;
        this.on = on;
        this.http = http;
    }

    String ballot() {
        return ballot;
    }

    OponnInstance instance() {
        return on;
    }

    Panel last() {
        return last;
    }

    long events() {
        return events.get();
    }

    /** Frames older than one already shown: Oponn promises none. */
    long regressions() {
        return regressions.get();
    }

    long reconnects() {
        return reconnects.get();
    }

    synchronized Map<String, Long> refusals() {
        return new TreeMap<>(refusals);
    }

    void run() {
        while (running) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(
                                java.net.URI.create(on.base() + "/ballots/" + ballot + "/live-results"))
                        .header("Accept", "text/event-stream")
                        .timeout(Clients.TIMEOUT);
                if (!lastId.isEmpty()) {
                    request.header("Last-Event-ID", lastId);
                }
                HttpResponse<InputStream> response =
                        http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    refused(Integer.toString(response.statusCode()));
                    response.body().close();
                } else {
                    open = response.body();
                    read(response.body());
                }
            } catch (IOException e) {
                if (running) {
                    refused("cut");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (running) {
                reconnects.incrementAndGet();
                Ports.pause(Duration.ofSeconds(1));
            }
        }
    }

    private synchronized void refused(String what) {
        refusals.merge(what, 1L, Long::sum);
    }

    private void read(InputStream body) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        StringBuilder data = new StringBuilder();
        String id = null;
        String event = null;
        for (String line = reader.readLine(); line != null && running; line = reader.readLine()) {
            if (line.isEmpty()) {
                if (data.length() > 0 && event == null) {
                    frame(id, data.toString());
                }
                data.setLength(0);
                id = null;
                event = null;
            } else if (line.startsWith("data:")) {
                data.append(line.substring(line.startsWith("data: ") ? 6 : 5)).append('\n');
            } else if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            }
        }
        body.close();
    }

    private void frame(String id, String html) {
        events.incrementAndGet();
        if (id != null) {
            lastId = id;
        }
        Panel.parse(html).ifPresent(panel -> {
            Panel previous = last;
            if (previous != null && panel.version() < previous.version()) {
                regressions.incrementAndGet();
                return;
            }
            last = panel;
        });
    }

    void stop() {
        running = false;
        InputStream stream = open;
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                // Closing is all that is wanted.
            }
        }
    }
}
