package dev.oponn.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;

/** The requests that are limited, recognised by method and path so the rule holds before a controller exists. */
enum LimitedAction {
    CREATE,
    VOTE,
    STREAM;

    static Optional<LimitedAction> of(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        if ("POST".equals(method) && path.equals("/create")) {
            return Optional.of(CREATE);
        }
        if ("POST".equals(method) && path.startsWith("/vote/") && path.indexOf('/', 6) < 0) {
            return Optional.of(VOTE);
        }
        if ("GET".equals(method)
                && path.startsWith("/ballots/")
                && path.endsWith("/live-results")
                && path.indexOf('/', 9) == path.length() - "/live-results".length()) {
            return Optional.of(STREAM);
        }
        return Optional.empty();
    }

    RateLimitProperties.Limit defaults() {
        return switch (this) {
            case CREATE -> RateLimitProperties.CREATE;
            case VOTE -> RateLimitProperties.VOTE;
            case STREAM -> RateLimitProperties.STREAM;
        };
    }

    /** The name used in bucket keys and in the refusal metric's {@code limit} tag. */
    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
