package dev.oponn.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The fan-out ceiling: a bare JDK server that speaks just enough of Oponn's contract (vote page with cookies,
 * create, vote, {@code /ballots/{id}/live-results}) for the same probe to drive it. A vote increments an in-memory
 * tally, is answered at once, then one fragment is rendered and written to every open stream of the ballot in turn.
 * No database, no templates, no framework: what is left is the cost of the sockets.
 */
public final class BareSseServer {

    private static final int OPTIONS = 4;

    private final Map<String, Ballot> ballots = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    private BareSseServer() {}

    public static void main(String[] args) throws IOException {
        HttpServer server = start(Integer.parseInt(args[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }

    /** Serves on 127.0.0.1:{@code port} (0 for any free port) until stopped. */
    static HttpServer start(int port) throws IOException {
        BareSseServer app = new BareSseServer();
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
        server.setExecutor(threads);
        server.createContext("/", app::route);
        server.start();
        Thread.ofVirtual().name("heartbeat").start(app::heartbeats);
        return server;
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (path.equals("/health")) {
            reply(exchange, 200, "ok");
        } else if (method.equals("POST") && path.equals("/create")) {
            String id = token(16);
            ballots.put(id, new Ballot(id));
            exchange.getResponseHeaders().set("HX-Redirect", "/vote/" + id);
            reply(exchange, 204, null);
        } else if (path.startsWith("/vote/")) {
            Ballot ballot = ballots.get(path.substring("/vote/".length()));
            if (ballot == null) {
                reply(exchange, 404, "no such ballot");
            } else if (method.equals("POST")) {
                vote(exchange, ballot, body);
            } else {
                votePage(exchange, ballot);
            }
        } else if (path.startsWith("/ballots/") && path.endsWith("/live-results")) {
            Ballot ballot = ballots.get(path.substring("/ballots/".length(), path.length() - "/live-results".length()));
            if (ballot == null) {
                reply(exchange, 404, "no such ballot");
            } else {
                ballot.watch(exchange);
            }
        } else {
            reply(exchange, 404, "not found");
        }
    }

    private void votePage(HttpExchange exchange, Ballot ballot) throws IOException {
        exchange.getResponseHeaders().add("Set-Cookie", "oponn_device=" + token(16) + "." + token(16) + "; Path=/");
        exchange.getResponseHeaders().add("Set-Cookie", "oponn_csrf_token=" + token(24) + "; Path=/");
        StringBuilder page = new StringBuilder("<form method=\"post\" action=\"/vote/" + ballot.id + "\">");
        for (int o = 1; o <= OPTIONS; o++) {
            page.append("<input type=\"radio\" name=\"option_id\" value=\"")
                    .append(o)
                    .append("\">");
        }
        reply(exchange, 200, page.append("</form>").toString());
    }

    private void vote(HttpExchange exchange, Ballot ballot, String body) throws IOException {
        int option = -1;
        for (String pair : body.split("&")) {
            if (pair.startsWith("option_id=")) {
                try {
                    option = Integer.parseInt(URLDecoder.decode(pair.substring(10), StandardCharsets.UTF_8));
                } catch (NumberFormatException e) {
                    option = -1;
                }
            }
        }
        if (option < 1 || option > OPTIONS) {
            reply(exchange, 200, "Invalid option selected");
            return;
        }
        byte[] event = ballot.count(option);
        exchange.getResponseHeaders().set("HX-Redirect", "/results/" + ballot.id);
        reply(exchange, 204, null);
        ballot.broadcast(event);
    }

    /** A comment every 15 s on every stream, as Oponn's contract has it; a failed write drops the viewer. */
    private void heartbeats() {
        byte[] comment = ":\n\n".getBytes(StandardCharsets.US_ASCII);
        while (true) {
            try {
                Thread.sleep(15_000);
            } catch (InterruptedException e) {
                return;
            }
            ballots.values().forEach(b -> b.broadcastAlways(comment));
        }
    }

    private String token(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        try (exchange) {
            if (text == null) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** One ballot's tally and viewers; the lock orders versions, so no viewer ever gets an older tally after a newer. */
    private static final class Ballot {

        private final String id;
        private final long[] counts = new long[OPTIONS + 1];
        private final List<HttpExchange> viewers = new CopyOnWriteArrayList<>();
        private long version;
        private byte[] current;

        Ballot(String id) {
            this.id = id;
            this.current = render();
        }

        synchronized byte[] count(int option) {
            counts[option]++;
            version++;
            current = render();
            return current;
        }

        synchronized void watch(HttpExchange exchange) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write(current);
            out.flush();
            viewers.add(exchange);
        }

        synchronized void broadcast(byte[] event) {
            if (event != current) {
                return; // a newer tally was rendered meanwhile; its own broadcast carries this vote
            }
            broadcastAlways(event);
        }

        synchronized void broadcastAlways(byte[] event) {
            for (Iterator<HttpExchange> it = viewers.iterator(); it.hasNext(); ) {
                HttpExchange viewer = it.next();
                try {
                    OutputStream out = viewer.getResponseBody();
                    out.write(event);
                    out.flush();
                } catch (IOException e) {
                    viewers.remove(viewer);
                    viewer.close();
                }
            }
        }

        private byte[] render() {
            long total = 0;
            for (long c : counts) {
                total += c;
            }
            StringBuilder event = new StringBuilder(512);
            event.append("id: ").append(version).append('\n');
            event.append("data: <section id=\"results-panel\" class=\"panel results\" data-version=\"")
                    .append(version)
                    .append("\">\n");
            event.append("data: <p class=\"status\">voting open · <span class=\"total\">")
                    .append(total)
                    .append("</span> votes</p><ol class=\"bars\">\n");
            for (int o = 1; o <= OPTIONS; o++) {
                event.append("data: <li class=\"bar-row\" data-option-id=\"")
                        .append(o)
                        .append("\"><span class=\"label\">option ")
                        .append(o)
                        .append("</span><span class=\"count\" data-count>")
                        .append(counts[o])
                        .append("</span></li>\n");
            }
            event.append("data: </ol></section>\n\n");
            return event.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
