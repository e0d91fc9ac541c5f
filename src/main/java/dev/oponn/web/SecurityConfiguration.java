package dev.oponn.web;

import dev.oponn.platform.OponnEnvironment;
import dev.oponn.platform.OponnProperties;
import dev.oponn.platform.ServerSecret;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * CSRF with the first version's names, so pages, HTMX and scripts work unchanged: a double-submit cookie
 * {@code oponn_csrf_token} ({@code __Host-oponn_csrf_token} with secure cookies), echoed as the form field or header
 * {@code X-CSRF-Token}, whose value only this server can have issued ({@link SignedCsrfTokens}); and before it, a
 * state-changing request that the browser says comes from another site is refused ({@link SameOriginRequests}).
 * The plain (unmasked) request handler keeps the page's token equal to the cookie's, which is what scripts compare.
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
     * Every page may carry a CSRF token, a manage link, a vote form or an owner's data, so none may be stored by a
     * browser or proxy, whoever asks. Spring Security's own cache headers stand aside whenever the response already
     * has an {@code Expires}, and Jetty adds {@code Expires: 1970} to every response that sets a cookie: exactly the
     * responses that issue a fresh token. Headers are written before the chain runs ({@link WriteHeadersFirst}), so
     * this sets {@code no-store} on every response, and a route with its own reason (the live-results stream)
     * replaces it with {@code setHeader}.
     */
    private static final HeaderWriter NEVER_STORED = (request, response) -> {
        if (!response.containsHeader("Cache-Control")) {
            response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
            response.setHeader("Pragma", "no-cache");
        }
    };

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
            OponnEnvironment environment,
            ServerSecret secret,
            PublicUrls urls)
            throws Exception {
        features.orderedStream().forEach(feature -> feature.configure(http));
        SignedCsrfTokens csrfTokens = new SignedCsrfTokens(secret, properties.secureCookies());

        http.addFilterBefore(new SameOriginRequests(urls), CsrfFilter.class)
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .headers(headers -> headers.cacheControl(cache -> cache.disable())
                        .addHeaderWriter(NEVER_STORED)
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
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
