package dev.oponn.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;

/** The security headers every response must carry, in development (no HSTS there). */
public final class SecurityHeaderAssertions {

    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private SecurityHeaderAssertions() {}

    public static void assertSecurityHeaders(HttpHeaders headers, String what) {
        assertThat(headers.firstValue("Content-Security-Policy")).as(what).hasValue(CSP);
        assertThat(headers.firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
        assertThat(headers.firstValue("X-Frame-Options")).as(what).hasValue("DENY");
        assertThat(headers.firstValue("Strict-Transport-Security"))
                .as(what + ": no HSTS in development")
                .isEmpty();
    }
}
