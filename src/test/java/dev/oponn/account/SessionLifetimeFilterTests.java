package dev.oponn.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * The absolute session limit, at chosen instants. (Idle expiry belongs to the container or Spring Session; what
 * follows from it, a cookie naming a session that is gone, is covered end to end in {@link SignInTests}.)
 */
class SessionLifetimeFilterTests {

    static final Instant SIGNED_IN = Instant.parse("2026-01-05T10:00:00Z");
    static final Duration ABSOLUTE = Duration.ofDays(7);

    @Test
    void aSessionWithinItsAbsoluteLimitPassesThrough() throws Exception {
        MockHttpSession session = signedInSession();
        MockHttpServletRequest request = htmxRequestWith(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filterAt(SIGNED_IN.plus(ABSOLUTE).minusSeconds(1)).doFilter(request, response, chain);

        assertThat(chain.getRequest()).isSameAs(request);
        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void aSessionPastItsAbsoluteLimitEndsEvenWhileBusy() throws Exception {
        MockHttpSession session = signedInSession();
        MockHttpServletRequest request = htmxRequestWith(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filterAt(SIGNED_IN.plus(ABSOLUTE)).doFilter(request, response, chain);

        assertThat(session.isInvalid()).isTrue();
        assertThat(chain.getRequest()).as("the request goes no further").isNull();
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("HX-Redirect")).isEqualTo("/login?expired");
        assertThat(response.getHeader("Set-Cookie"))
                .startsWith("oponn_session=;")
                .contains("Max-Age=0");
    }

    @Test
    void aRequestWithoutASessionCookieIsNotTouched() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/create");
        MockFilterChain chain = new MockFilterChain();

        filterAt(SIGNED_IN).doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    private static MockHttpSession signedInSession() {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(SignedInSessions.SIGNED_IN_AT, SIGNED_IN);
        return session;
    }

    private static MockHttpServletRequest htmxRequestWith(MockHttpSession session) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/create");
        request.addHeader("HX-Request", "true");
        request.setSession(session);
        request.setRequestedSessionId(session.getId());
        return request;
    }

    private static SessionLifetimeFilter filterAt(Instant now) {
        return new SessionLifetimeFilter(ABSOLUTE, false, Clock.fixed(now, ZoneOffset.UTC));
    }
}
