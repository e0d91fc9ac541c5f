package dev.oponn.ballot;

import dev.oponn.platform.OponnProperties;
import dev.oponn.web.Htmx;
import dev.oponn.web.Notice;
import dev.oponn.web.PageNotices;
import dev.oponn.web.PublicUrls;
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
 * Shows a guest creator their manage link once. Creation answers with a redirect to the ballot's page (the vote
 * page, the reference's behaviour, HTMX or not; {@link BallotPage}), so the key travels there in a short-lived
 * cookie scoped to that one page; the page shows the link and the same response deletes the cookie. Only the key's hash is
 * stored, so a lost link cannot be shown again.
 */
@Component
class ManageLinks implements PageNotices {

    static final String COOKIE = "oponn_manage_once";
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private final BallotOwnership ownership;
    private final BallotPage pages;
    private final boolean secureCookies;
    private final PublicUrls urls;

    ManageLinks(BallotOwnership ownership, BallotPage pages, OponnProperties properties, PublicUrls urls) {
        this.ownership = ownership;
        this.pages = pages;
        this.secureCookies = properties.secureCookies();
        this.urls = urls;
    }

    void handOver(HttpServletResponse response, BallotId ballot, ManageKey key) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(ballot, key.value(), LIFETIME));
    }

    @Override
    public Optional<Notice> take(HttpServletRequest request, HttpServletResponse response) {
        if (!"GET".equals(request.getMethod()) || Htmx.isHtmx(request)) {
            return Optional.empty();
        }
        Optional<String> presented = presented(request);
        Optional<BallotId> ballot = pages.ballotAt(request.getRequestURI());
        if (presented.isEmpty() || ballot.isEmpty()) {
            return Optional.empty();
        }
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(ballot.get(), "", Duration.ZERO));
        return ManageKey.parse(presented.get())
                .filter(key -> ownership.opens(ballot.get(), key))
                .map(key -> new Notice(
                        "manage_link",
                        Text.of("notice.manage_link.title"),
                        Text.of("notice.manage_link.text"),
                        urls.absolute("/manage/" + ballot.get().value() + "/" + key.value(), request)));
    }

    /** Whether the request carries this ballot's manage key in the hand-over cookie (not yet taken). */
    boolean presentedFor(BallotId ballot, HttpServletRequest request) {
        return presented(request)
                .flatMap(ManageKey::parse)
                .filter(key -> ownership.opens(ballot, key))
                .isPresent();
    }

    private static Optional<String> presented(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null
                ? Optional.empty()
                : Arrays.stream(cookies)
                        .filter(c -> COOKIE.equals(c.getName()))
                        .map(Cookie::getValue)
                        .findFirst();
    }

    private String cookie(BallotId ballot, String value, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value)
                .path(pages.pathOf(ballot))
                .maxAge(maxAge)
                .httpOnly(true)
                .sameSite("Lax")
                .secure(secureCookies)
                .build()
                .toString();
    }
}
