package dev.oponn.bench;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * One live viewer: an open {@code text/event-stream} on a ballot, read on its own virtual thread. For each tally
 * version it keeps the moment it first saw that version or a later one (an event coalescing several votes delivers
 * all of them), and the last fragment it received, to compare with the database at the end.
 */
final class Viewer implements Runnable {

    /** Far above the 15 s heartbeat: a stream silent this long is dead. */
    private static final int READ_TIMEOUT_MILLIS = 180_000;

    private final Target target;
    private final int client;
    private final String ballot;
    private final long[] arrivals;
    private final CountDownLatch settled;
    private volatile HttpConnection connection;
    private volatile long lastVersion = -1;
    private volatile String lastData = "";
    private volatile int status;
    private volatile String failure;
    private volatile boolean closing;
    private volatile long events;
    private boolean counted;

    Viewer(Target target, int client, String ballot, int maxVersion, CountDownLatch settled) {
        this.target = target;
        this.client = client;
        this.ballot = ballot;
        this.arrivals = new long[maxVersion + 1];
        this.settled = settled;
    }

    @Override
    public void run() {
        HttpConnection c = target.connection(client);
        connection = c;
        try {
            if (closing) {
                return;
            }
            HttpConnection.StreamResponse response = c.openStream(Site.liveRequest(ballot), READ_TIMEOUT_MILLIS);
            status = response.status();
            String type = response.headers().first("Content-Type");
            if (response.status() != 200 || type == null || !type.startsWith("text/event-stream")) {
                failure = "status " + response.status() + ", content type " + type;
                return;
            }
            LineReader lines = new LineReader(response.body(), 2048, 1 << 20);
            SseParser parser = new SseParser();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Optional<SseEvent> event = parser.accept(line);
                if (event.isPresent()) {
                    onEvent(event.get(), System.nanoTime());
                }
            }
            if (!closing) {
                failure = "stream ended by the server";
            }
        } catch (IOException e) {
            if (!closing) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        } finally {
            c.close();
            settle();
        }
    }

    private void onEvent(SseEvent event, long now) {
        events++;
        long version = event.version();
        if (version < 0) {
            // An event without a numeric id still carries its version in the fragment.
            version = PanelTally.parse(event.data()).map(PanelTally::version).orElse(-1L);
        }
        if (version > lastVersion) {
            long from = Math.max(0, lastVersion + 1);
            for (long v = from; v <= Math.min(version, arrivals.length - 1); v++) {
                arrivals[(int) v] = now;
            }
            lastData = event.data();
            lastVersion = version;
        }
        settle();
    }

    /** Counts this viewer once as settled: connected with a first event, or failed. */
    private synchronized void settle() {
        if (!counted) {
            counted = true;
            settled.countDown();
        }
    }

    void close() {
        closing = true;
        HttpConnection c = connection;
        if (c != null) {
            c.close();
        }
    }

    String ballot() {
        return ballot;
    }

    boolean live() {
        return failure == null && lastVersion >= 0;
    }

    long lastVersion() {
        return lastVersion;
    }

    String lastData() {
        return lastData;
    }

    /** When this viewer first saw {@code version}; meaningful once {@link #lastVersion()} has reached it. */
    long arrivalOf(int version) {
        return version < arrivals.length ? arrivals[version] : 0;
    }

    int status() {
        return status;
    }

    String failure() {
        return failure;
    }

    long events() {
        return events;
    }
}
