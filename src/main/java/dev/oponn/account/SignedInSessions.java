package dev.oponn.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Puts a signed-in user into the session: the one place both OAuth and mock sign-in end. The session records when
 * the sign-in happened so that {@link SessionLifetimeFilter} can end it after the absolute limit.
 */
final class SignedInSessions {

    static final String SESSION_COOKIE = "oponn_session";
    static final String SIGNED_IN_AT = "oponn.signed_in_at";

    private final SecurityContextRepository contexts;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final Clock clock;

    SignedInSessions(SecurityContextRepository contexts, Clock clock) {
        this.contexts = contexts;
        this.clock = clock;
    }

    /**
     * @param renew drop any session the request had and start a new one; OAuth sign-in has already had its
     *     session id changed by Spring Security and keeps it
     */
    void start(SignedInUser user, HttpServletRequest request, HttpServletResponse response, boolean renew) {
        HttpSession existing = request.getSession(false);
        if (renew && existing != null) {
            existing.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(SIGNED_IN_AT, clock.instant());
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(new AccountAuthentication(user));
        holder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    static @Nullable Instant signedInAt(HttpSession session) {
        return session.getAttribute(SIGNED_IN_AT) instanceof Instant at ? at : null;
    }
}
