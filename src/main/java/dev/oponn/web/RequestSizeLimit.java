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
 */
@Component
final class RequestSizeLimit extends OncePerRequestFilter implements Ordered {

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
        chain.doFilter(request, response);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
