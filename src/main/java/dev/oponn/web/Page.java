package dev.oponn.web;

import org.jspecify.annotations.Nullable;

/**
 * What the layout needs on every page: the CSRF token that forms carry as a hidden field and HTMX sends as a
 * header. Error pages have no token.
 */
public record Page(@Nullable String csrfToken) {

    public static final String CSRF_NAME = "X-CSRF-Token";

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
}
