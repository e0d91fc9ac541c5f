package dev.oponn.web;

import dev.oponn.platform.OponnEnvironment;
import dev.oponn.platform.OponnProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * CSRF as the first version did it, so pages, HTMX and scripts work unchanged: a double-submit cookie
 * {@code oponn_csrf_token}, echoed as the form field or header {@code X-CSRF-Token}. The plain (unmasked) request
 * handler keeps the page's token equal to the cookie's, which is what scripts compare.
 *
 * <p>Features add their own parts (sign-in, sign-out, pages that need sign-in) as {@link FeatureSecurity} beans,
 * applied first here so that the catch-all {@code permitAll} comes last.
 * Guests never get a session (CSRF lives in a cookie, there is no request cache); only sign-in makes one.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /**
     * No per-filter observations: Spring Security would otherwise wrap each of its filters in an observation on
     * every request, a cost the benchmark saw on the vote path; {@code http.server.requests} still times requests.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain webSecurity(
            HttpSecurity http,
            OponnProperties properties,
            ObjectProvider<FeatureSecurity> features,
            CsrfProperties csrfSwitch,
            OponnEnvironment environment)
            throws Exception {
        features.orderedStream().forEach(feature -> feature.configure(http));
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieName("oponn_csrf_token");
        csrfTokens.setHeaderName(Page.CSRF_NAME);
        csrfTokens.setParameterName(Page.CSRF_NAME);
        csrfTokens.setCookieCustomizer(cookie -> cookie.httpOnly(true)
                .sameSite("Lax")
                .secure(properties.secureCookies())
                .path("/"));

        http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frames -> frames.deny())
                        .httpStrictTransportSecurity(hsts -> SecurityHeaders.strictTransport(hsts, environment))
                        .withObjectPostProcessor(new WriteHeadersFirst()));
        if (!csrfSwitch.enabled()) {
            // Only for load tests that post without reading pages; staging and production refuse to start so.
            http.csrf(csrf -> csrf.disable());
        }
        return http.build();
    }

    /**
     * Spring Security writes its headers, by default, when the response is about to commit, and learns of that only
     * through a flush or a declared length. A body larger than the container's 32 KB output buffer (fewer
     * characters when they take several bytes each) commits the response from inside a write, and the headers came
     * too late: large pages and scripts went out without any of them. Written before the chain, they are always on.
     */
    private static final class WriteHeadersFirst implements ObjectPostProcessor<HeaderWriterFilter> {
        @Override
        public <O extends HeaderWriterFilter> O postProcess(O filter) {
            filter.setShouldWriteHeadersEagerly(true);
            return filter;
        }
    }
}
