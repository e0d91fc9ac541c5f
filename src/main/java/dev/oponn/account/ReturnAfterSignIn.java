package dev.oponn.account;

import dev.oponn.platform.OponnProperties;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Where a guest sent to sign in (a ballot only signed-in accounts may vote on) returns once signed in: a
 * short-lived cookie holding the page's path. Only a ballot's vote page is accepted, so the cookie cannot send
 * anyone elsewhere (no open redirect); anything else lands on the dashboard as before.
 */
@Component
public class ReturnAfterSignIn {

    static final String COOKIE = "oponn_continue";
    private static final Pattern ALLOWED = Pattern.compile("/vote/[A-Za-z0-9_-]{22}");
    private static final Duration LIFETIME = Duration.ofMinutes(15);

    private final boolean secureCookies;

    ReturnAfterSignIn(OponnProperties properties) {
        this.secureCookies = properties.secureCookies();
    }

    /** Remembers {@code path} (a vote page) for after sign-in; other paths are ignored. */
    public void remember(HttpServletResponse response, String path) {
        if (ALLOWED.matcher(path).matches()) {
            response.addHeader(HttpHeaders.SET_COOKIE, cookie(path, LIFETIME));
        }
    }

    /** Where a sign-in that just succeeded goes: the remembered page, once, or the dashboard. */
    String destination(HttpServletRequest request, HttpServletResponse response) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return "/";
        }
        String remembered = Arrays.stream(cookies)
                .filter(c -> COOKIE.equals(c.getName()))
                .map(Cookie::getValue)
                .findFirst()
                .orElse(null);
        if (remembered == null) {
            return "/";
        }
        response.addHeader(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO));
        return ALLOWED.matcher(remembered).matches() ? remembered : "/";
    }

    private String cookie(String value, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value)
                .path("/")
                .maxAge(maxAge)
                .httpOnly(true)
                .sameSite("Lax")
                .secure(secureCookies)
                .build()
                .toString();
    }
}
