package dev.oponn.ballot;

import dev.oponn.platform.OponnProperties;
import dev.oponn.web.Htmx;
import dev.oponn.web.Notice;
import dev.oponn.web.PageNotices;
import dev.oponn.web.Text;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Tells an owner, once, on the dashboard they land on, that their ballot was deleted. The cookie says only that
 * something was deleted, never which ballot.
 */
@Component
class DeletedNotice implements PageNotices {

    static final String COOKIE = "oponn_deleted";

    private final boolean secureCookies;

    DeletedNotice(OponnProperties properties) {
        this.secureCookies = properties.secureCookies();
    }

    void handOver(HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie("1", Duration.ofMinutes(1)));
    }

    @Override
    public Optional<Notice> take(HttpServletRequest request, HttpServletResponse response) {
        if (!"GET".equals(request.getMethod()) || Htmx.isHtmx(request) || !"/".equals(request.getRequestURI())) {
            return Optional.empty();
        }
        Cookie[] cookies = request.getCookies();
        if (cookies == null || Arrays.stream(cookies).noneMatch(c -> COOKIE.equals(c.getName()))) {
            return Optional.empty();
        }
        response.addHeader(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO));
        return Optional.of(new Notice(
                "ballot_deleted", Text.of("notice.ballot_deleted.title"), Text.of("notice.ballot_deleted.text"), null));
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
