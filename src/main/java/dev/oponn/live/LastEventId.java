package dev.oponn.live;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Last-Event-ID} a reconnecting browser sends: the tally version it last received. Anything that is not
 * a plain non-negative number small enough to be a version ({@code -1}, {@code abc}, ten kilobytes of digits) is
 * treated as absent, so the client simply gets the current state.
 */
final class LastEventId {

    static final String HEADER = "Last-Event-ID";

    private static final Pattern VERSION = Pattern.compile("[0-9]{1,18}");

    private LastEventId() {}

    /** @return the version, or {@link Frame#NO_VERSION} when absent or not a version */
    static long parse(@Nullable String header) {
        if (header == null) {
            return Frame.NO_VERSION;
        }
        String value = header.strip();
        return VERSION.matcher(value).matches() ? Long.parseLong(value) : Frame.NO_VERSION;
    }
}
