package dev.oponn.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The public API's routes ({@code /api/}), which are for programs, not browsers: they carry their credentials in
 * headers, so the page machinery that rides on cookies (the CSRF cookie, one-time notices) stays out of them.
 */
public final class ProgramRoutes {

    public static final String PREFIX = "/api/";

    private ProgramRoutes() {}

    public static boolean isProgramRoute(HttpServletRequest request) {
        return request.getRequestURI()
                .substring(request.getContextPath().length())
                .startsWith(PREFIX);
    }
}
