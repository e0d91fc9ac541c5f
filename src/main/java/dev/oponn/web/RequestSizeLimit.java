package dev.oponn.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose headers, other than {@code Last-Event-ID}, take more than {@link #MAX_HEADER_BYTES}: 400,
 * before anything else runs. Jetty accepts up to {@code server.max-http-request-header-size} (16 KB) so that a
 * reconnecting live viewer's oversized {@code Last-Event-ID}, which the stream ignores as garbage, gets a sane
 * answer rather than an error page; Jetty has no limit that leaves one header out. Bodies are bounded earlier, in
 * Jetty ({@link RequestBodyLimits}).
 */
@Component
final class RequestSizeLimit extends OncePerRequestFilter implements Ordered {

    static final int MAX_HEADER_BYTES = 8 * 1024;

    private final SecurityHeaders headers;

    RequestSizeLimit(SecurityHeaders headers) {
        this.headers = headers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
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
