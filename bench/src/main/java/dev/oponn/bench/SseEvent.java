package dev.oponn.bench;

/** One dispatched server-sent event. {@code version} is the id read as a number, or -1 when it is not one. */
record SseEvent(String id, String type, String data) {

    long version() {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
