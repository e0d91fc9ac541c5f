package dev.oponn.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Counts open streams, per instance and per client address, and refuses one beyond either cap. A stream holds a
 * {@link Ticket} for its whole life and returns it exactly once, however it ends, so the counts go back to zero
 * when clients leave; an address with no stream left is forgotten.
 */
@Component
class StreamAdmission {

    enum Refusal {
        INSTANCE_FULL,
        CLIENT_FULL
    }

    sealed interface Decision {}

    record Admitted(Ticket ticket) implements Decision {}

    record Refused(Refusal reason) implements Decision {}

    private final int maxStreams;
    private final int maxPerClient;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, Integer> perClient = new ConcurrentHashMap<>();

    StreamAdmission(LiveProperties properties) {
        this.maxStreams = properties.streamCap(Runtime.getRuntime().maxMemory());
        this.maxPerClient = properties.maxStreamsPerClient();
    }

    Decision admit(String client) {
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            return new Refused(Refusal.INSTANCE_FULL);
        }
        boolean[] admitted = {false};
        perClient.compute(client, (address, count) -> {
            int current = count == null ? 0 : count;
            if (current >= maxPerClient) {
                return count;
            }
            admitted[0] = true;
            return current + 1;
        });
        if (!admitted[0]) {
            open.decrementAndGet();
            return new Refused(Refusal.CLIENT_FULL);
        }
        return new Admitted(new Ticket(client));
    }

    int cap() {
        return maxStreams;
    }

    int open() {
        return open.get();
    }

    int openFor(String client) {
        return perClient.getOrDefault(client, 0);
    }

    /** One admitted stream. {@link #release()} is idempotent: complete, error and timeout may all report the end. */
    final class Ticket {

        private final String client;
        private final AtomicBoolean released = new AtomicBoolean();

        private Ticket(String client) {
            this.client = client;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                perClient.computeIfPresent(client, (address, count) -> count <= 1 ? null : count - 1);
                open.decrementAndGet();
            }
        }
    }
}
