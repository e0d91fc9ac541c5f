package dev.oponn.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * A server under test on loopback. Connections come from many loopback source addresses (127.0.16.1 and up), as
 * requests from many clients would, so per-client-IP caps and limits see a crowd rather than one address. Every
 * address stays inside 127.0.0.0/8.
 */
record Target(String name, InetSocketAddress address) {

    static final int SOURCE_ADDRESSES = 16 * 254;
    static final int TIMEOUT_MILLIS = 30_000;

    static Target loopback(String name, int port) {
        return new Target(name, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    HttpConnection connection(int client) {
        return new HttpConnection(address, client, TIMEOUT_MILLIS);
    }

    static InetAddress sourceAddress(int client) {
        int i = Math.floorMod(client, SOURCE_ADDRESSES);
        byte[] ip = {127, 0, (byte) (16 + i / 254), (byte) (1 + i % 254)};
        try {
            return InetAddress.getByAddress(ip);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return address.getPort();
    }
}
