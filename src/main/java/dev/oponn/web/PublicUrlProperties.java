package dev.oponn.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicUrl the address people reach Oponn at ({@code OPONN_PUBLIC_URL}, {@code https://vote.example.org}):
 *     scheme, host and optional port, nothing else. Every absolute link is built from it and it is the one origin
 *     whose state-changing requests are accepted. A path is refused rather than honoured: every route and cookie
 *     (the {@code __Host-} CSRF cookie must have {@code Path=/}) assumes Oponn owns the whole origin. Absent, links
 *     and the origin check use the request's own scheme, host and port, which is fine on a developer's machine and
 *     wrong behind a proxy, so staging and production refuse to start without it.
 */
@ConfigurationProperties("oponn")
record PublicUrlProperties(@Nullable String publicUrl) {

    PublicUrlProperties {
        if (publicUrl != null && publicUrl.isBlank()) {
            publicUrl = null;
        }
        if (publicUrl != null) {
            publicUrl = origin(publicUrl.strip());
        }
    }

    /** The URL as an origin ({@code scheme://host[:port]}, lower case, default port left out). */
    private static String origin(String configured) {
        URI uri;
        try {
            uri = new URI(configured);
        } catch (URISyntaxException e) {
            throw refused(configured);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean pathless = uri.getRawPath() == null
                || uri.getRawPath().isEmpty()
                || uri.getRawPath().equals("/");
        if (!(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || !pathless
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw refused(configured);
        }
        return PublicUrls.origin(scheme, uri.getHost(), uri.getPort());
    }

    private static IllegalArgumentException refused(String configured) {
        return new IllegalArgumentException("OPONN_PUBLIC_URL must be an http or https address without a path, such as"
                + " https://vote.example.org, not '" + configured + "'.");
    }
}
