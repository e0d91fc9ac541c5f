package dev.oponn.live;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Bytes ready for the wire: one Server-Sent Event, or a comment, encoded once and then shared by every viewer that
 * is sent it. Viewers never copy or change them. Each frame exists in the two forms viewers take: {@code bytes},
 * the results panel's HTML for the pages, and {@code json}, the same state as the public API's JSON events
 * ({@code event: results}), both made once per change.
 *
 * @param version the tally version of an update, or {@link #NO_VERSION} for heartbeats and closing hints
 * @param committedAtMillis when the oldest vote this update carries was committed (epoch millis), or 0 when it
 *     carries none (a first event, a re-read after a lost Redis connection)
 * @param last whether the stream ends after this frame
 */
record Frame(
        byte[] bytes, byte[] json, long version, long committedAtMillis, boolean last, Map<String, byte[]> translated) {

    Frame {
        translated = Map.copyOf(translated);
    }

    Frame(byte[] bytes, byte[] json, long version, long committedAtMillis, boolean last) {
        this(bytes, json, version, committedAtMillis, last, Map.of());
    }

    /** The bytes of the form a viewer takes, its page's panel in its language ({@code bytes} is English). */
    byte[] bytes(boolean asJson, String lang) {
        return asJson ? json : translated.getOrDefault(lang, bytes);
    }

    /** {@code first} then {@code then}, in every form and language: a final tally behind a waiting update. */
    static Frame concat(Frame first, Frame then, boolean last) {
        Map<String, byte[]> languages = new HashMap<>();
        Set<String> all = new HashSet<>(first.translated.keySet());
        all.addAll(then.translated.keySet());
        for (String lang : all) {
            languages.put(lang, join(first.bytes(false, lang), then.bytes(false, lang)));
        }
        return new Frame(
                join(first.bytes(), then.bytes()),
                join(first.json(), then.json()),
                first.version(),
                first.committedAtMillis(),
                last,
                languages);
    }

    private static byte[] join(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** The panel in each language, English first, as one event each. */
    private static Map<String, byte[]> events(Map<String, String> htmlByLang, Function<String, String> event) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        htmlByLang.forEach((lang, html) -> out.put(lang, utf8(event.apply(html))));
        return out;
    }

    private static String english(Map<String, String> htmlByLang) {
        return htmlByLang.values().iterator().next();
    }

    static Frame update(long version, Map<String, String> htmlByLang, String json, long committedAtMillis) {
        return new Frame(
                utf8(event(version, english(htmlByLang))),
                utf8(named(RESULTS_EVENT, version, json)),
                version,
                committedAtMillis,
                false,
                events(htmlByLang, html -> event(version, html)));
    }

    static Frame hidden(Map<String, String> htmlByLang, String json) {
        return new Frame(
                utf8(event(HIDDEN_ID, english(htmlByLang))),
                utf8(named(HIDDEN_EVENT, HIDDEN_ID, json)),
                HIDDEN,
                0,
                false,
                events(htmlByLang, html -> event(HIDDEN_ID, html)));
    }

    static Frame finalUpdate(long version, Map<String, String> htmlByLang, String json) {
        // The closed event's data is not shown: the page only learns from it that voting closed.
        String closed = "event: " + CLOSED_EVENT + "\ndata: voting closed\n\n";
        String closedJson = "event: " + CLOSED_EVENT + "\ndata: {\"status\":\"ended\"}\n\n";
        return new Frame(
                utf8(event(version, english(htmlByLang)) + closed),
                utf8(named(RESULTS_EVENT, version, json) + closedJson),
                version,
                0,
                false,
                events(htmlByLang, html -> event(version, html) + closed));
    }

    /** A deleted ballot's panel in each language, on the event that ends the stream. */
    static Frame deleted(Map<String, String> panelByLang) {
        return new Frame(
                utf8(deletedEvent(english(panelByLang))),
                utf8("event: " + DELETED_EVENT + "\ndata: {\"status\":\"deleted\"}\n\n"),
                NO_VERSION,
                0,
                true,
                events(panelByLang, Frame::deletedEvent));
    }

    private static String deletedEvent(String html) {
        StringBuilder out = new StringBuilder("event: " + DELETED_EVENT + "\n");
        for (String line : html.strip().split("\r\n|\r|\n", -1)) {
            out.append("data: ").append(line).append('\n');
        }
        return out.append('\n').toString();
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

    /** The JSON stream's name for a tally, and for the notice that the counts are hidden. */
    static final String RESULTS_EVENT = "results";

    static final String HIDDEN_EVENT = "hidden";

    /** @param json the tally as the API's JSON document, one line */
    static Frame update(long version, String html, String json, long committedAtMillis) {
        return new Frame(
                utf8(event(version, html)),
                utf8(named(RESULTS_EVENT, version, json)),
                version,
                committedAtMillis,
                false);
    }

    /** The panel that says when the counts will show; {@link #HIDDEN} and an {@code id:} without a count. */
    static Frame hidden(String html, String json) {
        return new Frame(utf8(event(HIDDEN_ID, html)), utf8(named(HIDDEN_EVENT, HIDDEN_ID, json)), HIDDEN, 0, false);
    }

    boolean hidesCounts() {
        return version == HIDDEN;
    }

    /**
     * The final tally, then the {@code closed} event. The stream stays open while the ended ballot lingers, so that a
     * reopening reaches the page; {@link #end()} ends it.
     */
    static Frame finalUpdate(long version, String html, String json) {
        String closed = "event: " + CLOSED_EVENT + "\ndata: voting closed\n\n";
        String closedJson = "event: " + CLOSED_EVENT + "\ndata: {\"status\":\"ended\"}\n\n";
        return new Frame(
                utf8(event(version, html) + closed),
                utf8(named(RESULTS_EVENT, version, json) + closedJson),
                version,
                0,
                false);
    }

    /** Ends the stream of an ended ballot and tells the page to stop listening. */
    static Frame end() {
        return new Frame(
                utf8("event: " + END_EVENT + "\ndata: over\n\n"),
                utf8("event: " + END_EVENT + "\ndata: {\"status\":\"ended\"}\n\n"),
                NO_VERSION,
                0,
                true);
    }

    /** The event that ends the streams of a deleted ballot; the page swaps its data in and stops listening. */
    static final String DELETED_EVENT = "deleted";

    /** A deleted ballot: no tally to show, only a panel saying so, on the event that ends the stream. */
    static Frame deleted() {
        String panel = "<section id=\"results-panel\" class=\"panel results\" data-deleted>"
                + "<p class=\"status\">ballot deleted</p></section>";
        return new Frame(
                utf8("event: " + DELETED_EVENT + "\ndata: " + panel + "\n\n"),
                utf8("event: " + DELETED_EVENT + "\ndata: {\"status\":\"deleted\"}\n\n"),
                NO_VERSION,
                0,
                true);
    }

    static Frame heartbeat() {
        byte[] comment = utf8(": heartbeat\n\n");
        return new Frame(comment, comment, NO_VERSION, 0, false);
    }

    /** Ends a stream with a hint to reconnect after {@code millis}, as on shutdown. */
    static Frame retry(long millis) {
        byte[] hint = utf8("retry: " + millis + "\n\n");
        return new Frame(hint, hint, NO_VERSION, 0, true);
    }

    boolean isUpdate() {
        return version != NO_VERSION;
    }

    /** The bytes of the form a viewer takes. */
    byte[] bytes(boolean asJson) {
        return asJson ? json : bytes;
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

    private static String named(String name, long version, String json) {
        return named(name, Long.toString(version), json);
    }

    /** A JSON event: Jackson escapes every line break inside strings, so the document is one {@code data:} line. */
    private static String named(String name, String id, String json) {
        return "event: " + name + "\n" + event(id, json);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
