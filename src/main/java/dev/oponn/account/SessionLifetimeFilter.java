package dev.oponn.account;

import dev.oponn.web.Htmx;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends sessions past their absolute limit, and answers requests that still carry the cookie of a session the
 * server no longer has (idle limit reached, signed out elsewhere, absolute limit). Such a person believes they are
 * signed in; acting for them as a guest would, for example, create a ballot they do not own. So:
 *
 * <ul>
 *   <li>an HTMX request gets 401 with {@code HX-Redirect} to the sign-in page: htmx loads that page whole instead
 *       of swapping a page into a fragment;
 *   <li>any other request that changes state is sent (303) to the sign-in page;
 *   <li>a plain page view continues as a guest, and the dead cookie is cleared so that this happens once.
 * </ul>
 *
 * Runs before the security context is loaded, so that an ended session is never read.
 */
final class SessionLifetimeFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionLifetimeFilter.class);
    static final String EXPIRED_LOCATION = "/login?expired";

    private final Duration absoluteTimeout;
    private final boolean secureCookies;
    private final Clock clock;

    SessionLifetimeFilter(Duration absoluteTimeout, boolean secureCookies, Clock clock) {
        this.absoluteTimeout = absoluteTimeout;
        this.secureCookies = secureCookies;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestedSessionId() == null || live(request)) {
            chain.doFilter(request, response);
            return;
        }
        clearCookie(response);
        log.atInfo()
                .setMessage("session.expired")
                .addKeyValue("htmx", Htmx.isHtmx(request))
                .addKeyValue("method", request.getMethod())
                .log();
        if (Htmx.isHtmx(request)
                || (!safe(request.getMethod()) && !request.getRequestURI().startsWith("/auth/"))) {
            Htmx.redirect(request, response, HttpStatus.UNAUTHORIZED, EXPIRED_LOCATION);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean safe(String method) {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS" -> true;
            default -> false;
        };
    }

    /** The requested session exists and is within its absolute limit; one past it is invalidated here. */
    private boolean live(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return false;
        }
        Instant signedInAt = SignedInSessions.signedInAt(session);
        if (signedInAt != null && !clock.instant().isBefore(signedInAt.plus(absoluteTimeout))) {
            session.invalidate();
            return false;
        }
        return true;
    }

    private void clearCookie(HttpServletResponse response) {
        ResponseCookie expired = ResponseCookie.from(SignedInSessions.SESSION_COOKIE, "")
                .path("/")
                .maxAge(0)
                .httpOnly(true)
                .secure(secureCookies)
                .sameSite("Lax")
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, expired.toString());
    }
}
