package dev.oponn.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Where a webhook may be sent: an {@code http} or {@code https} URL whose host resolves only to public addresses.
 * Private (RFC 1918, unique local), loopback, link-local, carrier-grade NAT, unspecified and multicast addresses are
 * refused, at registration and again before each delivery (a name may since resolve elsewhere), unless
 * {@code OPONN_WEBHOOKS_ALLOW_PRIVATE} is set. A name that changes between that check and the connection is not
 * caught here; redirects, which would be the easier way round, are never followed.
 */
@Component
class Destinations {

    private final boolean allowPrivate;

    Destinations(WebhookProperties properties) {
        this.allowPrivate = properties.allowPrivate();
    }

    /** @return why the URL is refused, or empty when it may be used */
    Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("Give an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return Optional.of("Give an absolute http or https URL");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("Webhook URLs cannot carry a user name or password");
        }
        if (url.length() > 2000) {
            return Optional.of("at most 2000 characters");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("This URL's host does not resolve");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    return Optional.of(
                            "Webhooks are sent only to public addresses: this host resolves to a private, loopback or"
                                    + " link-local one");
                }
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            boolean thisNetwork = first == 0;
            boolean carrierNat = first == 100 && second >= 64 && second < 128;
            boolean broadcast = first == 255;
            return !(thisNetwork || carrierNat || broadcast);
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc;
            return !uniqueLocal;
        }
        return false;
    }
}
