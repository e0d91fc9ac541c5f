package dev.oponn.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP ceiling of this machine: the JDK's own {@code HttpServer} on virtual threads answering every request
 * with a fixed 200-byte body, no framework, no database. Run as a child process like Oponn, so both compete for
 * the same two cores with the same load generator.
 */
public final class BareHttpServer {

    static final byte[] BODY = ("<p>" + "x".repeat(193) + "</p>").getBytes(StandardCharsets.US_ASCII);

    private BareHttpServer() {}

    public static void main(String[] args) throws IOException {
        HttpServer server = start(Integer.parseInt(args[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }

    /** Serves on 127.0.0.1:{@code port} (0 for any free port) until stopped. */
    static HttpServer start(int port) throws IOException {
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
        server.setExecutor(threads);
        server.createContext("/", BareHttpServer::answer);
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream request = exchange.getRequestBody()) {
            request.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        }
    }
}
