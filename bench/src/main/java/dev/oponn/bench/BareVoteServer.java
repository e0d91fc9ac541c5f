package dev.oponn.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ceiling of any server that commits each vote on its own, on this machine: the bare JDK HTTP server of
 * {@link BareHttpServer} whose handler also makes the insert baseline's durable single-row INSERT (same table, same
 * pool size) before it answers. No framework, no security, no templates: HTTP plus one commit. When this is below
 * the insert baseline, the two cores cannot carry both the HTTP and the per-vote commits at the insert rate, and
 * the gap between it and Oponn is what Oponn itself costs.
 */
public final class BareVoteServer {

    private final HikariDataSource pool;

    private BareVoteServer(String jdbcUrl) {
        pool = InsertBaseline.pool("bare-vote", jdbcUrl, 10);
    }

    /** Arguments: the port, then the JDBC URL of a database where {@link InsertBaseline} made its table. */
    public static void main(String[] args) throws IOException {
        BareVoteServer app = new BareVoteServer(args[1]);
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 4096);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", app::answer);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            app.pool.close();
        }));
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream request = exchange.getRequestBody()) {
            request.readAllBytes();
            int status = exchange.getRequestMethod().equals("POST") ? insert() : 200;
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(status, BareHttpServer.BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BareHttpServer.BODY);
            }
        }
    }

    private int insert() {
        byte[] key = new byte[32];
        ThreadLocalRandom.current().nextBytes(key);
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(InsertBaseline.INSERT)) {
            s.setString(1, "bare-vote");
            s.setBytes(2, key);
            s.executeUpdate();
            return 200;
        } catch (SQLException e) {
            return 500;
        }
    }
}
