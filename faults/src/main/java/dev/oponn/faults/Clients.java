package dev.oponn.faults;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP clients each bound to its own loopback address (127.0.1.x), so Oponn's per-address rate limits and stream caps
 * see a crowd, not one address, and keep their defaults for the abuse cases.
 */
final class Clients implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final List<HttpClient> clients = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    Clients(int addresses, int firstOctet) {
        for (int i = 0; i < addresses; i++) {
            clients.add(HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(3))
                    .localAddress(address(firstOctet, i))
                    .build());
        }
    }

    static InetAddress address(int third, int i) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, (byte) third, (byte) (2 + i)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The clients in turn. */
    HttpClient next() {
        return clients.get(Math.floorMod(next.getAndIncrement(), clients.size()));
    }

    @Override
    public void close() {
        clients.forEach(HttpClient::close);
    }
}
