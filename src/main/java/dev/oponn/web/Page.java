package dev.oponn.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the layout needs on every page: the CSRF token that forms carry as a hidden field and HTMX sends as a
 * header, who is signed in, and any one-time notices. Error pages have no token.
 *
 * @param viewer the signed-in person's name; absent for a guest
 * @param notices shown once above the page's content (see {@link PageNotices})
 */
public record Page(@Nullable String csrfToken, @Nullable String viewer, List<Notice> notices) {

    public static final String CSRF_NAME = "X-CSRF-Token";

    public Page {
        notices = List.copyOf(notices);
    }

    public Page(@Nullable String csrfToken) {
        this(csrfToken, null, List.of());
    }

    public static Page withoutForms() {
        return new Page(null);
    }

    /** The {@code hx-headers} JSON for {@code <body>}; the token is URL-safe, so it needs no JSON escaping. */
    public String hxHeaders() {
        return csrfToken == null ? "{}" : "{\"" + CSRF_NAME + "\": \"" + csrfToken + "\"}";
    }

    public String csrfName() {
        return CSRF_NAME;
    }

    public boolean signedIn() {
        return viewer != null;
    }
}
