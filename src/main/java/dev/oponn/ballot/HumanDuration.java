package dev.oponn.ballot;

import java.time.Duration;

/** Durations as the status line says them: the largest whole unit, rounded down. */
final class HumanDuration {

    private HumanDuration() {}

    static String format(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return plural(seconds, "second");
        }
        if (seconds < 3_600) {
            return plural(seconds / 60, "minute");
        }
        if (seconds < 86_400) {
            return plural(seconds / 3_600, "hour");
        }
        return plural(seconds / 86_400, "day");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
