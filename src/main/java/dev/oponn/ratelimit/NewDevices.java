package dev.oponn.ratelimit;

import dev.oponn.web.ClientAddresses;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Charges the issuing of a browser's device to its address's vote limit, as the API charges its devices. The vote
 * page is the only place a browser gets a device, and a device is what a stuffing script multiplies: without this
 * charge, loading a vote page with no cookie cost a script nothing the limiter counted, so it could mint devices as
 * fast as the server answered and spend the vote limit only on the votes. A browser that already holds its device
 * is not charged however often it loads the page, and a classroom behind one address spends two of its 1,200
 * vote-limit requests a minute per voter: the page that issues the device, then the vote.
 *
 * <p>The decision needs the vote feature's answer to "is this request's device valid?", which a filter running
 * before the controller cannot have, so the vote page asks here instead of the filter deciding by path.
 */
@Component
public final class NewDevices {

    private final @Nullable RateLimiter limiter;
    private final ClientAddresses clients;

    NewDevices(ObjectProvider<RateLimiter> limiter, ClientAddresses clients) {
        this.limiter = limiter.getIfAvailable();
        this.clients = clients;
    }

    /**
     * Takes one request from the client's vote limit for a device about to be issued.
     *
     * @return empty when the device may be issued, else how long the client should wait (answer 429 with it)
     */
    public Optional<Duration> charge(HttpServletRequest request) {
        if (limiter == null) {
            return Optional.empty();
        }
        return limiter.check(LimitedAction.VOTE, clients.limitKey(request));
    }

    /** Whole seconds for {@code Retry-After}, at least one. */
    public static long retryAfterSeconds(Duration wait) {
        return RateLimitFilter.retryAfterSeconds(wait);
    }
}
