package dev.oponn.ratelimit;

import dev.oponn.web.ClientAddresses;
import dev.oponn.web.SecurityHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a client over its limit with 429, a {@code Retry-After} in whole seconds and the error page, before a
 * controller runs; requests refused by the origin or CSRF checks never get here, so they are not charged. Only the first dispatch of a request counts: a stream's async dispatches and error
 * pages do not.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final ClientAddresses clients;
    private final SecurityHeaders headers;

    RateLimitFilter(RateLimiter limiter, ClientAddresses clients, SecurityHeaders headers) {
        this.limiter = limiter;
        this.clients = clients;
        this.headers = headers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<LimitedAction> action = LimitedAction.of(request);
        if (action.isPresent()) {
            Optional<Duration> wait = limiter.check(action.get(), clients.limitKey(request));
            if (wait.isPresent()) {
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds(wait.get())));
                headers.refuse(response, HttpStatus.TOO_MANY_REQUESTS);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static long retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
