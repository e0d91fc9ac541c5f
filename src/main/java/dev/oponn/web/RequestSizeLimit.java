package dev.oponn.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose declared body is larger than any form Oponn has, before a byte of it is read and before
 * anything else runs. Tomcat enforces the same size ({@code server.tomcat.max-http-form-post-size}) only on form
 * bodies, and only when a parameter is first read; this makes the answer 413 for every content type, at once.
 * Chunked bodies, which declare no length, are cut off by Tomcat at the same size when read as a form.
 *
 * <p>Headers: Tomcat accepts up to {@code server.max-http-request-header-size} (16 KB) so that a reconnecting live
 * viewer's oversized {@code Last-Event-ID}, which the stream ignores as garbage, gets a sane answer rather than an
 * error page; every other header counts against {@link #MAX_HEADER_BYTES}, and more is a 400 here.
 */
@Component
final class RequestSizeLimit extends OncePerRequestFilter implements Ordered {

    static final int MAX_HEADER_BYTES = 8 * 1024;

    private final long maxBytes;
    private final SecurityHeaders headers;

    RequestSizeLimit(TomcatServerProperties tomcat, SecurityHeaders headers) {
        this.maxBytes = tomcat.getMaxHttpFormPostSize().toBytes();
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
        chain.doFilter(request, response);
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
