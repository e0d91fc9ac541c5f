package dev.oponn.ballot;

import dev.oponn.web.Text;
import java.time.Duration;

/**
 * Durations as the status line says them: the largest whole unit, rounded down. The bundles say each unit with its
 * language's plural rule ({@code duration.minutes}: 1 minute, 2 minutes; in French 0 and 1 take the singular).
 */
final class HumanDuration {

    private HumanDuration() {}

    static Text of(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return Text.of("duration.seconds", seconds);
        }
        if (seconds < 3_600) {
            return Text.of("duration.minutes", seconds / 60);
        }
        if (seconds < 86_400) {
            return Text.of("duration.hours", seconds / 3_600);
        }
        return Text.of("duration.days", seconds / 86_400);
    }
}
