package dev.oponn.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Where a request that needs sign-in is sent. A browser is redirected to the sign-in page; an HTMX request gets
 * 401 with {@code HX-Redirect}, because following a redirect inside XHR would swap the whole sign-in page into
 * whatever fragment asked.
 */
public final class HtmxAwareEntryPoint implements AuthenticationEntryPoint {

    private final String signInPage;

    public HtmxAwareEntryPoint(String signInPage) {
        this.signInPage = signInPage;
    }

    @Override
    public void commence(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException authException) {
        Htmx.redirect(request, response, HttpStatus.UNAUTHORIZED, signInPage);
    }
}
