package dev.oponn.ratelimit;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every limit is a setting so that a benchmark can raise it ({@code OPONN_RATE_LIMIT_VOTE_REQUESTS=100000}); a limit
 * that sets only one of its two numbers keeps the default of the other.
 *
 * @param enabled switches every limit off at once
 * @param create {@code POST /create}: strict, a person rarely creates more than a few ballots an hour
 * @param vote {@code POST /vote/*}, a vote page that issues a new device, the API's votes and devices: hundreds of
 *     voters a minute behind one NAT address must pass
 * @param stream {@code GET /ballots/*}{@code /live-results}: one connect per viewer, plus reconnects
 * @param redisKeyPrefix where the buckets live in a shared Redis, so that several deployments can share one
 */
@ConfigurationProperties("oponn.rate-limit")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @Nullable Limit create,
        @Nullable Limit vote,
        @Nullable Limit stream,
        @DefaultValue("oponn:rate:") String redisKeyPrefix) {

    static final Limit CREATE = new Limit(30L, Duration.ofHours(1));
    static final Limit VOTE = new Limit(1200L, Duration.ofMinutes(1));
    static final Limit STREAM = new Limit(1200L, Duration.ofMinutes(1));

    RateLimitProperties {
        create = Limit.orDefaults(create, CREATE);
        vote = Limit.orDefaults(vote, VOTE);
        stream = Limit.orDefaults(stream, STREAM);
    }

    Limit limit(LimitedAction action) {
        Limit limit = switch (action) {
            case CREATE -> create;
            case VOTE -> vote;
            case STREAM -> stream;
        };
        return limit == null ? action.defaults() : limit;
    }

    /**
     * @param requests how many requests one client may make in any {@code period}, refilled evenly over it
     * @param period the window of {@code requests} ({@code 1m}, {@code 1h})
     */
    record Limit(@Nullable Long requests, @Nullable Duration period) {

        Limit {
            if (requests != null && requests < 1) {
                throw new IllegalArgumentException("a rate limit allows at least 1 request, not " + requests);
            }
            if (period != null && (period.isNegative() || period.isZero())) {
                throw new IllegalArgumentException("a rate limit's period is longer than zero, not " + period);
            }
        }

        static Limit orDefaults(@Nullable Limit configured, Limit defaults) {
            if (configured == null) {
                return defaults;
            }
            return new Limit(
                    configured.requests == null ? defaults.requests : configured.requests,
                    configured.period == null ? defaults.period : configured.period);
        }

        long capacity() {
            return requests == null ? 1 : requests;
        }

        Duration refillPeriod() {
            return period == null ? Duration.ofMinutes(1) : period;
        }
    }
}
