package dev.oponn.web;

import dev.oponn.platform.OponnEnvironment;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.HttpSecurityBuilder;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Spring Security writes the security headers on every response that passes through it. A few responses do not:
 * refusals made by filters that run before it (request size) and those Jetty makes on its own
 * ({@link ContainerErrorPage}); Spring Security skips error dispatches. Those refusals go through here, which
 * writes the same headers first.
 */
@Component
public final class SecurityHeaders {

    static final long HSTS_MAX_AGE_SECONDS = Duration.ofDays(365).toSeconds();

    private final Map<String, String> headers;

    SecurityHeaders(OponnEnvironment environment) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
        values.put("X-Content-Type-Options", "nosniff");
        values.put("Referrer-Policy", "no-referrer");
        values.put("X-Frame-Options", "DENY");
        values.put("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        if (environment.strictTransportSecurity()) {
            values.put("Strict-Transport-Security", "max-age=" + HSTS_MAX_AGE_SECONDS);
        }
        this.headers = Map.copyOf(values);
    }

    /**
     * The policy every page gets, except that {@code style-src} also admits the inline styles with exactly these
     * hashes ({@code sha256-...}): for a third party's page that applies a fixed style it cannot be told not to,
     * without admitting any other inline style.
     */
    public static String policyAdmittingStyles(String... hashes) {
        StringBuilder admitted = new StringBuilder("style-src 'self' 'unsafe-hashes'");
        for (String hash : hashes) {
            admitted.append(" '").append(hash).append('\'');
        }
        return SecurityConfiguration.CONTENT_SECURITY_POLICY.replace("style-src 'self'", admitted);
    }

    /** Refuses the request with Oponn's error page for {@code status}, carrying the security headers. */
    public void refuse(HttpServletResponse response, HttpStatus status) throws IOException {
        writeTo(response);
        response.sendError(status.value());
    }

    void writeTo(HttpServletResponse response) {
        headers.forEach((name, value) -> {
            if (!response.containsHeader(name)) {
                response.setHeader(name, value);
            }
        });
    }

    /** For responses written outside the servlet API (the container's own refusals). */
    void writeTo(BiConsumer<String, String> response) {
        headers.forEach(response);
    }

    /**
     * Outside development Oponn sits behind HTTPS, usually terminated by a proxy, so the request Oponn sees may
     * be plain HTTP: the header is sent on every response (browsers ignore it over HTTP, as RFC 6797 requires).
     * Subdomains are left alone because Oponn may share a domain with sites it knows nothing about.
     */
    static <H extends HttpSecurityBuilder<H>> void strictTransport(
            HeadersConfigurer<H>.HstsConfig hsts, OponnEnvironment environment) {
        if (environment.strictTransportSecurity()) {
            hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
                    .maxAgeInSeconds(HSTS_MAX_AGE_SECONDS)
                    .includeSubDomains(false);
        } else {
            hsts.disable();
        }
    }
}
