package dev.oponn.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who is asking, as far as per-client limits are concerned. The peer's address, unless the peer is a configured
 * trusted proxy: then the {@code X-Forwarded-For} chain is read from the right, skipping trusted proxies, and the
 * first address no trusted proxy vouches for is the client. Entries to its left were written by the client itself
 * and are never believed.
 */
@Component
public final class ClientAddresses {

    private final List<AddressRange> trusted;

    ClientAddresses(ProxyProperties properties) {
        this.trusted = properties.trustedAddresses().stream()
                .filter(entry -> !entry.isBlank())
                .map(AddressRange::parse)
                .toList();
    }

    /** The client's address as text, for keys and logs that need one. */
    public String of(HttpServletRequest request) {
        return resolve(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For"));
    }

    /**
     * The key that groups one client's requests. IPv6 clients are grouped by their /64 network, which a single
     * home or device normally gets whole and can rotate through at will.
     */
    public String limitKey(HttpServletRequest request) {
        String client = of(request);
        return AddressRange.literal(client)
                .filter(address -> address instanceof Inet6Address)
                .map(ClientAddresses::network64)
                .orElse(client);
    }

    String resolve(String peer, Enumeration<String> forwardedHeaders) {
        Optional<InetAddress> peerAddress = AddressRange.literal(peer);
        if (trusted.isEmpty() || peerAddress.isEmpty() || !isTrusted(peerAddress.get())) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(forwardedHeaders)) {
            Arrays.stream(header.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .forEach(hops::add);
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = AddressRange.literal(hops.get(i));
            if (hop.isEmpty()) {
                // A trusted proxy wrote no such thing: stop at the last address a trusted proxy vouched for.
                return client;
            }
            client = hops.get(i);
            if (!isTrusted(hop.get())) {
                return client;
            }
        }
        return client;
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(range -> range.contains(address));
    }

    private static String network64(InetAddress address) {
        byte[] bytes = address.getAddress();
        Arrays.fill(bytes, 8, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an IPv6 address has 16 bytes", e);
        }
    }
}
