package dev.oponn.live;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bytes ready for the wire: one Server-Sent Event, or a comment, encoded once and then shared by every viewer that
 * is sent it. Viewers never copy or change them.
 *
 * @param version the tally version of an update, or {@link #NO_VERSION} for heartbeats and closing hints
 * @param committedAtMillis when the oldest vote this update carries was committed (epoch millis), or 0 when it
 *     carries none (a first event, a re-read after a lost Redis connection)
 * @param last whether the stream ends after this frame
 * @param translated the same event in each other language Oponn speaks, by language ({@code de}); {@code bytes}
 *     is the English one, and what a frame without words (a heartbeat) sends to everyone
 */
record Frame(byte[] bytes, long version, long committedAtMillis, boolean last, Map<String, byte[]> translated) {

    Frame {
        translated = Map.copyOf(translated);
    }

    Frame(byte[] bytes, long version, long committedAtMillis, boolean last) {
        this(bytes, version, committedAtMillis, last, Map.of());
    }

    /** The bytes a viewer reading {@code lang} is sent. */
    byte[] bytes(String lang) {
        return translated.getOrDefault(lang, bytes);
    }

    /** {@code first} then {@code then}, in every language either has: a final tally behind a waiting update. */
    static Frame concat(Frame first, Frame then, boolean last) {
        Map<String, byte[]> languages = new HashMap<>();
        for (String lang : union(first, then)) {
            languages.put(lang, join(first.bytes(lang), then.bytes(lang)));
        }
        return new Frame(
                join(first.bytes(), then.bytes()), first.version(), first.committedAtMillis(), last, languages);
    }

    private static java.util.Set<String> union(Frame a, Frame b) {
        java.util.Set<String> all = new java.util.HashSet<>(a.translated.keySet());
        all.addAll(b.translated.keySet());
        return all;
    }

    private static byte[] join(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    static final long NO_VERSION = -1;

    /**
     * The version of a panel that hides the counts. Its {@code id:} line is the constant {@link #HIDDEN_ID}, never a
     * number that grows with votes: a requester the counts are hidden from must not learn how many there are.
     */
    static final long HIDDEN = -2;

    static final String HIDDEN_ID = "hidden";

    /** The event that says voting closed; it follows the final tally. */
    static final String CLOSED_EVENT = "closed";

    /**
     * The event after which the page stops listening (the live element's {@code sse-close}): the stream is over and
     * reconnecting would bring nothing new. Sent when an ended ballot's viewers stop lingering, and after the final
     * tally to a page that connects later.
     */
    static final String END_EVENT = "end";

    static Frame update(long version, String html, long committedAtMillis) {
        return new Frame(utf8(event(version, html)), version, committedAtMillis, false);
    }

    /** The panel rendered in each language ({@code en} first, the default), one event each. */
    static Frame update(long version, Map<String, String> htmlByLang, long committedAtMillis) {
        return new Frame(
                utf8(event(version, english(htmlByLang))),
                version,
                committedAtMillis,
                false,
                encoded(htmlByLang, html -> event(version, html)));
    }

    /** The panel that says when the counts will show; {@link #HIDDEN} and an {@code id:} without a count. */
    static Frame hidden(Map<String, String> htmlByLang) {
        return new Frame(
                utf8(event(HIDDEN_ID, english(htmlByLang))),
                HIDDEN,
                0,
                false,
                encoded(htmlByLang, html -> event(HIDDEN_ID, html)));
    }

    private static String english(Map<String, String> htmlByLang) {
        return htmlByLang.values().iterator().next();
    }

    private static Map<String, byte[]> encoded(
            Map<String, String> htmlByLang, java.util.function.Function<String, String> event) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        htmlByLang.forEach((lang, html) -> out.put(lang, utf8(event.apply(html))));
        return out;
    }

    boolean hidesCounts() {
        return version == HIDDEN;
    }

    /**
     * The final tally, then the {@code closed} event. The stream stays open while the ended ballot lingers, so that a
     * reopening reaches the page; {@link #end()} ends it.
     */
    static Frame finalUpdate(long version, Map<String, String> htmlByLang) {
        Map<String, String> withClose = new LinkedHashMap<>();
        htmlByLang.forEach((lang, html) -> withClose.put(lang, event(version, html) + CLOSED));
        return new Frame(
                utf8(english(withClose)),
                version,
                0,
                false,
                encoded(withClose, java.util.function.Function.identity()));
    }

    /** Ends the stream of an ended ballot and tells the page to stop listening. */
    static Frame end() {
        return new Frame(utf8("event: " + END_EVENT + "\ndata: over\n\n"), NO_VERSION, 0, true);
    }

    static Frame finalUpdate(long version, String html) {
        return finalUpdate(version, Map.of("en", html));
    }

    static Frame hidden(String html) {
        return hidden(Map.of("en", html));
    }

    /** The event's data is not shown: {@code sse-close} only ends the stream on it. */
    private static final String CLOSED = "event: " + CLOSED_EVENT + "\ndata: voting closed\n\n";

    /** The event that ends the streams of a deleted ballot; the page swaps its data in and stops listening. */
    static final String DELETED_EVENT = "deleted";

    /** A deleted ballot: no tally to show, only a panel saying so, on the event that ends the stream. */
    static Frame deleted(Map<String, String> panelByLang) {
        Map<String, String> events = new LinkedHashMap<>();
        panelByLang.forEach((lang, html) -> events.put(lang, deletedEvent(html)));
        return new Frame(
                utf8(english(events)), NO_VERSION, 0, true, encoded(events, java.util.function.Function.identity()));
    }

    private static String deletedEvent(String html) {
        StringBuilder out = new StringBuilder("event: " + DELETED_EVENT + "\n");
        for (String line : html.strip().split("\r\n|\r|\n", -1)) {
            out.append("data: ").append(line).append('\n');
        }
        return out.append('\n').toString();
    }

    static Frame heartbeat() {
        return new Frame(utf8(": heartbeat\n\n"), NO_VERSION, 0, false);
    }

    /** Ends a stream with a hint to reconnect after {@code millis}, as on shutdown. */
    static Frame retry(long millis) {
        return new Frame(utf8("retry: " + millis + "\n\n"), NO_VERSION, 0, true);
    }

    boolean isUpdate() {
        return version != NO_VERSION;
    }

    /**
     * {@code id:} then one {@code data:} line per line of the fragment. Every line break form (CR, LF, CRLF) ends a
     * field in SSE, so each one starts a new {@code data:} line: text typed by a voter can never start a field of
     * its own.
     */
    static String event(long version, String html) {
        return event(Long.toString(version), html);
    }

    private static String event(String id, String html) {
        StringBuilder out = new StringBuilder(html.length() + 64);
        out.append("id: ").append(id).append('\n');
        for (String line : html.strip().split("\r\n|\r|\n", -1)) {
            out.append("data: ").append(line).append('\n');
        }
        return out.append('\n').toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
