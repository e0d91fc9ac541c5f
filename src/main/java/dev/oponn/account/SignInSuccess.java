package dev.oponn.account;

import dev.oponn.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * The end of an OAuth sign-in: the provider's identity becomes an account, the provider's token is replaced in
 * the session by {@link AccountAuthentication}, and the person lands on their dashboard (or back on the ballot that sent them to sign in). A failure (a tampered or
 * replayed {@code state}, a refused consent, an identity without a subject) lands on the sign-in page with a
 * message, never on an error trace.
 */
final class SignInSuccess implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SignInSuccess.class);
    static final String FAILED_LOCATION = "/login?error";

    private final Accounts accounts;
    private final SignedInSessions sessions;
    private final ReturnAfterSignIn returnTo;

    SignInSuccess(Accounts accounts, SignedInSessions sessions, ReturnAfterSignIn returnTo) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.returnTo = returnTo;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (!(authentication instanceof OAuth2AuthenticationToken token)) {
            throw new IllegalStateException("OAuth sign-in ended with " + authentication.getClass());
        }
        ProviderIdentity identity;
        try {
            identity = ProviderIdentities.from(
                    token.getAuthorizedClientRegistrationId(),
                    token.getPrincipal().getAttributes());
        } catch (IllegalArgumentException unusable) {
            log.atWarn()
                    .setMessage("account.sign_in_failed")
                    .addKeyValue("provider", token.getAuthorizedClientRegistrationId())
                    .addKeyValue("reason", "unusable_identity")
                    .log();
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            Htmx.redirect(request, response, FAILED_LOCATION);
            return;
        }
        sessions.start(accounts.signIn(identity), request, response, false);
        Htmx.redirect(request, response, returnTo.destination(request, response));
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request,
            HttpServletResponse response,
            org.springframework.security.core.AuthenticationException exception)
            throws IOException {
        String reason = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode()
                : "authentication_failed";
        log.atInfo()
                .setMessage("account.sign_in_failed")
                .addKeyValue("reason", reason)
                .log();
        Htmx.redirect(request, response, FAILED_LOCATION);
    }
}
