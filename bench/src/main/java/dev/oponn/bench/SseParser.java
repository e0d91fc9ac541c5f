package dev.oponn.bench;

import java.util.Optional;

/**
 * The {@code text/event-stream} grammar, fed one line at a time (line ends already removed): {@code field: value}
 * lines accumulate, a blank line dispatches the event, lines starting with {@code :} are comments (heartbeats),
 * several {@code data:} lines join with newlines, and {@code id} persists to later events as the standard says.
 * Not thread-safe: one parser per stream.
 */
final class SseParser {

    private final StringBuilder data = new StringBuilder();
    private String lastEventId = "";
    private String eventType = "";
    private boolean hasData;
    private long comments;

    /** An event when {@code line} completes one, otherwise empty. */
    Optional<SseEvent> accept(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.charAt(0) == ':') {
            comments++;
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastEventId = value;
                }
            }
            case "event" -> eventType = value;
            default -> {
                // "retry" and unknown fields do not change what the harness measures.
            }
        }
        return Optional.empty();
    }

    /** Heartbeat comments seen so far. */
    long comments() {
        return comments;
    }

    private Optional<SseEvent> dispatch() {
        if (!hasData) {
            eventType = "";
            return Optional.empty();
        }
        SseEvent event = new SseEvent(lastEventId, eventType.isEmpty() ? "message" : eventType, data.toString());
        data.setLength(0);
        hasData = false;
        eventType = "";
        return Optional.of(event);
    }
}
