package dev.oponn.vote;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Counts votes cast and refused ({@code oponn.votes.cast}, {@code oponn.votes.rejected} tagged with the reason).
 * Every reason is registered up front so that a dashboard sees a zero rather than a missing series.
 */
@Component
final class VoteMetrics {

    static final String INVALID = "invalid";

    private final Counter cast;
    private final Counter invalid;
    private final Map<VoteRejection, Counter> rejected = new EnumMap<>(VoteRejection.class);

    VoteMetrics(MeterRegistry meters) {
        this.cast =
                Counter.builder("oponn.votes.cast").description("Votes counted").register(meters);
        this.invalid = rejection(meters, INVALID);
        for (VoteRejection reason : VoteRejection.values()) {
            rejected.put(reason, rejection(meters, reason.reason()));
        }
    }

    void cast() {
        cast.increment();
    }

    void rejected(VoteRejection reason) {
        rejected.get(reason).increment();
    }

    /** A form that names no option of the ballot, or a write-in that breaks the rules. */
    void invalid() {
        invalid.increment();
    }

    private static Counter rejection(MeterRegistry meters, String reason) {
        return Counter.builder("oponn.votes.rejected")
                .description("Votes not counted, by reason")
                .tag("reason", reason)
                .register(meters);
    }
}
