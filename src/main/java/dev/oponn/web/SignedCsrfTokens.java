package dev.oponn.web;

import dev.oponn.platform.ServerSecret;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * The double-submit cookie of the reference ({@code oponn_csrf_token}, echoed as {@code X-CSRF-Token}), but only
 * tokens this server issued count: a token is {@code nonce.mac}, the MAC being the server secret's HMAC of the nonce
 * and, for a signed-in request, the session id. A cookie planted by a sibling subdomain or a man in the middle of a
 * plain-HTTP request, with a field of the same value, therefore fails: its MAC does not verify, the cookie is
 * treated as absent and replaced, and the posted field matches nothing.
 *
 * <p>Guests have no session, so their token is bound to the server alone; a signed-in person's is also bound to
 * their session. That binding is the rotation: a token issued before sign-in is refused after it, and one issued to
 * a session is refused once the session is gone (sign-out, expiry), whatever cookie the browser still holds. Binding
 * a guest to the session the OAuth round trip briefly creates would only break forms open in other tabs.
 *
 * <p>With secure cookies the cookie is {@code __Host-oponn_csrf_token}: the browser then accepts it only from this
 * exact host over HTTPS with {@code Path=/} and no {@code Domain}, so no subdomain can plant or shadow it. The name
 * after the prefix stays the reference's, and the form field and header keep {@code X-CSRF-Token}.
 */
final class SignedCsrfTokens implements CsrfTokenRepository {

    static final String COOKIE = "oponn_csrf_token";
    static final String SECURE_COOKIE = "__Host-" + COOKIE;
    private static final String PURPOSE = "csrf-token";
    private static final int NONCE_BYTES = 32;
    /** A nonce and a MAC in unpadded base64url and a dot; anything longer is not ours and is not worth a MAC. */
    private static final int MAX_LENGTH = 2 * 43 + 1;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final CookieCsrfTokenRepository cookies;
    private final ServerSecret secret;
    private final SecureRandom random = new SecureRandom();
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    SignedCsrfTokens(ServerSecret secret, boolean secureCookies) {
        this.secret = secret;
        this.cookies = new CookieCsrfTokenRepository();
        cookies.setCookieName(cookieName(secureCookies));
        cookies.setHeaderName(Page.CSRF_NAME);
        cookies.setParameterName(Page.CSRF_NAME);
        cookies.setCookieCustomizer(cookie ->
                cookie.httpOnly(true).sameSite("Lax").secure(secureCookies).path("/"));
    }

    static String cookieName(boolean secureCookies) {
        return secureCookies ? SECURE_COOKIE : COOKIE;
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        String encodedNonce = ENCODER.encodeToString(nonce);
        String token = encodedNonce + "." + ENCODER.encodeToString(mac(encodedNonce, request));
        return new DefaultCsrfToken(Page.CSRF_NAME, Page.CSRF_NAME, token);
    }

    @Override
    public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        cookies.saveToken(token, request, response);
    }

    /** The cookie's token if this server issued it for this request's session (or for a guest); else none. */
    @Override
    public @Nullable CsrfToken loadToken(HttpServletRequest request) {
        CsrfToken token = cookies.loadToken(request);
        return token != null && issuedHere(token.getToken(), request) ? token : null;
    }

    private boolean issuedHere(String token, HttpServletRequest request) {
        int dot = token.indexOf('.');
        if (token.length() > MAX_LENGTH || dot <= 0) {
            return false;
        }
        try {
            byte[] presented = DECODER.decode(token.substring(dot + 1));
            return secret.verify(mac(token.substring(0, dot), request), presented);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private byte[] mac(String nonce, HttpServletRequest request) {
        return secret.mac(PURPOSE, nonce, binding(request));
    }

    /** The session a signed-in request belongs to; empty for a guest. */
    private String binding(HttpServletRequest request) {
        if (!trust.isAuthenticated(holder.getContext().getAuthentication())) {
            return "";
        }
        HttpSession session = request.getSession(false);
        return session == null ? "" : "session:" + session.getId();
    }
}
