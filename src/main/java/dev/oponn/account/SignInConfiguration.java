package dev.oponn.account;

import dev.oponn.platform.OponnProperties;
import dev.oponn.web.FeatureSecurity;
import dev.oponn.web.Htmx;
import dev.oponn.web.HtmxAwareEntryPoint;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Sign-in wired into the application's security filter chain as a {@link FeatureSecurity}, so this feature adds
 * its routes without the shared configuration ({@code web.SecurityConfiguration}) knowing about accounts.
 *
 * <p>Routes: {@code /auth/login/{provider}} starts OAuth, {@code /auth/callback/{provider}} is the redirect URI,
 * {@code POST /auth/logout} (with the CSRF token) signs out; {@code GET /auth/logout} only shows a button for it,
 * because a GET never changes state (a link preview or a prefetch must not sign anybody out).
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SignInConfiguration.class);

    @Bean
    SignInProviders signInProviders(AccountProperties properties) {
        return SignInProviders.from(properties);
    }

    /** Also the bean Spring Boot's OAuth client configuration would otherwise fill with an in-memory store. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new DiscardingAuthorizedClients();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    }

    @Bean
    SignedInSessions signedInSessions(SecurityContextRepository contexts, Clock clock) {
        return new SignedInSessions(contexts, clock);
    }

    @Bean
    FeatureSecurity signIn(
            SignInProviders providers,
            Accounts accounts,
            SignedInSessions sessions,
            SecurityContextRepository contexts,
            OAuth2AuthorizedClientRepository authorizedClients,
            AccountProperties properties,
            OponnProperties oponn,
            Clock clock,
            ReturnAfterSignIn returnTo) {
        SignInSuccess outcome = new SignInSuccess(accounts, sessions, returnTo);
        return http -> http.securityContext(context -> context.securityContextRepository(contexts))
                .addFilterBefore(
                        new SessionLifetimeFilter(properties.session().absoluteTimeout(), oponn.secureCookies(), clock),
                        SecurityContextHolderFilter.class)
                .oauth2Login(login -> login.loginPage("/login")
                        .clientRegistrationRepository(providers)
                        .authorizedClientRepository(authorizedClients)
                        .authorizationEndpoint(start -> start.baseUri(KnownProvidersOnly.BASE_URI)
                                .authorizationRequestResolver(new KnownProvidersOnly(providers)))
                        .redirectionEndpoint(callback -> callback.baseUri("/auth/callback/*"))
                        .successHandler(outcome)
                        .failureHandler(outcome))
                .logout(logout -> logout.logoutRequestMatcher(
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/auth/logout"))
                        .addLogoutHandler(logSignOut())
                        .invalidateHttpSession(true)
                        .clearAuthentication(true)
                        .deleteCookies(SignedInSessions.SESSION_COOKIE)
                        .logoutSuccessHandler(home()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new HtmxAwareEntryPoint("/login")));
    }

    private static LogoutHandler logSignOut() {
        return (request, response, authentication) -> {
            if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
                log.atInfo()
                        .setMessage("account.signed_out")
                        .addKeyValue("account_id", user.id())
                        .log();
            }
        };
    }

    /** Home after sign-out: 204 with {@code HX-Redirect} for HTMX, 303 otherwise. */
    private static LogoutSuccessHandler home() {
        return (request, response, authentication) -> Htmx.redirect(request, response, "/");
    }
}
