package dev.oponn.web;

import java.net.InetAddress;
import java.util.Optional;

/** An address or a CIDR range of them ({@code 10.0.0.0/8}, {@code 2001:db8::/32}); never resolves a host name. */
record AddressRange(byte[] network, int prefixBits) {

    static AddressRange parse(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        InetAddress address = literal(slash < 0 ? value : value.substring(0, slash))
                .orElseThrow(() -> new IllegalArgumentException("OPONN_PROXY_TRUSTED_ADDRESSES holds '" + text
                        + "', which is not an IP address or CIDR range."));
        byte[] bytes = address.getAddress();
        int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(value.substring(slash + 1));
        if (bits < 0 || bits > bytes.length * 8) {
            throw new IllegalArgumentException(
                    "OPONN_PROXY_TRUSTED_ADDRESSES holds '" + text + "', whose prefix length is out of range.");
        }
        return new AddressRange(bytes, bits);
    }

    /** An IP literal, or empty: {@link InetAddress#ofLiteral} never asks DNS, unlike {@code getByName}. */
    static Optional<InetAddress> literal(String text) {
        try {
            return Optional.of(InetAddress.ofLiteral(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int whole = prefixBits / 8;
        for (int i = 0; i < whole; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest);
        return (candidate[whole] & mask) == (network[whole] & mask);
    }
}
