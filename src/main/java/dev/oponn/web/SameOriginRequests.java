package dev.oponn.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a state-changing request (anything but GET, HEAD, OPTIONS, TRACE) that the browser says comes from
 * another site, with 403 and the error page, before the CSRF token is even looked at. Two signals, each enough:
 *
 * <ul>
 *   <li>{@code Sec-Fetch-Site}: {@code same-origin} and {@code none} (the person typed or bookmarked it) pass;
 *       {@code cross-site} is refused, and so is {@code same-site}: a sibling subdomain is another site's code as far
 *       as Oponn knows (user pages, a forgotten staging host), and none of Oponn's own forms lives there.
 *   <li>{@code Origin}: when present it must be Oponn's own ({@link PublicUrls#origin}). The value {@code null} is
 *       not a foreign origin but an absent one: browsers send it for a same-origin form post under Oponn's own
 *       {@code Referrer-Policy: no-referrer}, so refusing it would break every form without HTMX.
 * </ul>
 *
 * A client that sends neither (an old browser, a script, the benchmark) still needs a valid token.
 */
final class SameOriginRequests extends OncePerRequestFilter {

    private final PublicUrls urls;

    SameOriginRequests(PublicUrls urls) {
        this.urls = urls;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!safe(request.getMethod()) && fromAnotherSite(request) && reliesOnCookies(request)) {
            response.sendError(HttpStatus.FORBIDDEN.value());
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The public API ({@code /api/}) takes its credentials from headers, which another site's page cannot make a
     * browser send, so any origin may post to it (a vote from another site's script, under CORS); only a request
     * that carries cookies (a signed-in session) is one a foreign page could forge, and it is refused as on pages.
     */
    private static boolean reliesOnCookies(HttpServletRequest request) {
        return !ProgramRoutes.isProgramRoute(request) || request.getHeader("Cookie") != null;
    }

    private boolean fromAnotherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !(site.equalsIgnoreCase("same-origin") || site.equalsIgnoreCase("none"))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.equals("null")) {
            return false;
        }
        String normalized = normalized(origin);
        return normalized == null || !normalized.equals(urls.origin(request));
    }

    private static @Nullable String normalized(String origin) {
        try {
            URI uri = new URI(origin.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return PublicUrls.origin(uri.getScheme(), uri.getHost(), uri.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static boolean safe(String method) {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> true;
            default -> false;
        };
    }
}
