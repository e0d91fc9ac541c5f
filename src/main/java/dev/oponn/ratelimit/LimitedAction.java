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
        if ("POST".equals(method) && (path.equals("/create") || path.equals("/api/v1/ballots"))) {
            return Optional.of(CREATE);
        }
        // A program's device is charged as a vote: a device exists only to vote, and issuing one is what a script
        // multiplies, as it would load vote pages.
        if ("POST".equals(method) && (path.equals("/api/v1/devices") || apiBallotAction(path, "/votes"))) {
            return Optional.of(VOTE);
        }
        if ("GET".equals(method) && apiBallotAction(path, "/events")) {
            return Optional.of(STREAM);
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

    /** {@code /api/v1/ballots/{id}<action>}, one segment for the id. */
    private static boolean apiBallotAction(String path, String action) {
        String prefix = "/api/v1/ballots/";
        return path.startsWith(prefix)
                && path.endsWith(action)
                && path.indexOf('/', prefix.length()) == path.length() - action.length();
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
