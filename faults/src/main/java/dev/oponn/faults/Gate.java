package dev.oponn.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP forwarder on a loopback port in front of a server that must keep its state through an outage (moto keeps
 * its KMS keys in memory, so stopping it would lose them): {@link #close()} shuts the port and cuts every
 * connection, so clients see the service gone; {@link #open()} serves again on the same port.
 */
final class Gate implements AutoCloseable {

    private final int port;
    private final int target;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private volatile ServerSocket listener;

    Gate(int target) {
        this.port = Ports.free();
        this.target = target;
    }

    int port() {
        return port;
    }

    synchronized Gate open() {
        if (listener != null) {
            return this;
        }
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
            listener = server;
            threads.execute(() -> accept(server));
        } catch (IOException e) {
            throw new IllegalStateException("could not listen on " + port, e);
        }
        return this;
    }

    /** Shuts the port and cuts every open connection. */
    synchronized void shut() {
        ServerSocket server = listener;
        listener = null;
        if (server != null) {
            quietly(server);
        }
        sockets.forEach(Gate::quietly);
        sockets.clear();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                sockets.add(client);
                sockets.add(upstream);
                threads.execute(() -> pipe(client, upstream));
                threads.execute(() -> pipe(upstream, client));
            } catch (IOException e) {
                // Shut, or the upstream refused: the client's socket is closed either way.
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16384];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // One side went away: end both.
        } finally {
            quietly(from);
            quietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private static void quietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Already closed.
        }
    }

    @Override
    public void close() {
        shut();
        threads.shutdownNow();
    }
}
