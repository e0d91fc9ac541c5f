package dev.oponn.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Oponn's own origin and the absolute links built on it. With {@code OPONN_PUBLIC_URL} set (staging and production
 * require it) both come from that setting and never from the request, whose {@code Host} header is the client's to
 * choose: a manage link built from it could point anywhere. Without it (development, tests) they come from the
 * request's scheme, host and port.
 */
@Component
public final class PublicUrls {

    private final @Nullable String configured;

    PublicUrls(PublicUrlProperties properties) {
        this.configured = properties.publicUrl();
    }

    /** The absolute URL of {@code path} (which starts with {@code /}). */
    public String absolute(String path, HttpServletRequest request) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("an absolute link needs a path from the root, not " + path);
        }
        return origin(request) + path;
    }

    /** {@code scheme://host[:port]} of this server as browsers name it in an {@code Origin} header. */
    public String origin(HttpServletRequest request) {
        return configured != null
                ? configured
                : origin(request.getScheme(), request.getServerName(), request.getServerPort());
    }

    static String origin(String scheme, String host, int port) {
        String lowerScheme = scheme.toLowerCase(Locale.ROOT);
        String lowerHost = host.toLowerCase(Locale.ROOT);
        if (lowerHost.indexOf(':') >= 0 && !lowerHost.startsWith("[")) {
            lowerHost = "[" + lowerHost + "]";
        }
        boolean defaultPort =
                port < 0 || (port == 80 && lowerScheme.equals("http")) || (port == 443 && lowerScheme.equals("https"));
        return lowerScheme + "://" + lowerHost + (defaultPort ? "" : ":" + port);
    }
}
