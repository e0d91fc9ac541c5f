package dev.oponn.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.jetty.autoconfigure.JettyServerProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose declared body is larger than any form Oponn has, before a byte of it is read and before
 * anything else runs. Jetty enforces the same size ({@code server.jetty.max-http-form-post-size}) only on form
 * bodies, and only when a parameter is first read; this makes the answer 413 for every content type, at once.
 * Chunked bodies, which declare no length, are cut off by Jetty at the same size when the form is read, which this
 * filter does first so that the answer is still a 413.
 *
 * <p>Headers: Jetty accepts up to {@code server.max-http-request-header-size} (16 KB) so that a reconnecting live
 * viewer's oversized {@code Last-Event-ID}, which the stream ignores as garbage, gets a sane answer rather than an
 * error page; every other header counts against {@link #MAX_HEADER_BYTES}, and more is a 400 here.
 */
@Component
final class RequestSizeLimit extends OncePerRequestFilter implements Ordered {

    static final int MAX_HEADER_BYTES = 8 * 1024;
    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

    private final long maxBytes;
    private final int maxParameters;
    private final SecurityHeaders headers;

    RequestSizeLimit(JettyServerProperties jetty, SecurityHeaders headers) {
        this.maxBytes = jetty.getMaxHttpFormPostSize().toBytes();
        this.maxParameters = jetty.getMaxFormKeys();
        this.headers = headers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (maxBytes >= 0 && request.getContentLengthLong() > maxBytes) {
            // The unread body is not worth draining: close the connection after the answer.
            response.setHeader("Connection", "close");
            headers.refuse(response, HttpStatus.CONTENT_TOO_LARGE);
            return;
        }
        if (headerBytes(request) > MAX_HEADER_BYTES) {
            response.setHeader("Connection", "close");
            headers.refuse(response, HttpStatus.BAD_REQUEST);
            return;
        }
        if (isForm(request)) {
            HttpStatus refusal = formRefusal(request);
            if (refusal != null) {
                response.setHeader("Connection", "close");
                headers.refuse(response, refusal);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * Reads the form now, where a failure can still get a clean answer, and counts every value: Jetty's own key
     * limit counts distinct names, so ten thousand {@code p=} would pass it.
     */
    private @Nullable HttpStatus formRefusal(HttpServletRequest request) {
        try {
            int values = 0;
            for (String[] each : request.getParameterMap().values()) {
                values += each.length;
            }
            return values > maxParameters ? HttpStatus.BAD_REQUEST : null;
        } catch (RuntimeException e) {
            return tooLarge(e) ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        }
    }

    /**
     * A chunked body declares no length, so Jetty finds it too large only while parsing, and says so in nothing
     * but its message (a 400 "Unable to parse form content" caused by "form too large"). Anything else that fails
     * to parse (bad percent-encoding, too many keys) is a 400.
     */
    private static boolean tooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.contains("too large")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, FORM, 0, FORM.length());
    }

    /** Header bytes as sent ({@code name: value} and CRLF), not counting {@code Last-Event-ID}. */
    private static long headerBytes(HttpServletRequest request) {
        long total = 0;
        for (String name : java.util.Collections.list(request.getHeaderNames())) {
            if ("Last-Event-ID".equalsIgnoreCase(name)) {
                continue;
            }
            for (String value : java.util.Collections.list(request.getHeaders(name))) {
                total += name.length() + 2 + value.length() + 2;
            }
        }
        return total;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
