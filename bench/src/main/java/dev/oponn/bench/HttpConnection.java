package dev.oponn.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One keep-alive HTTP/1.1 connection over a plain socket, as a browser tab holds one. Raw sockets rather than
 * {@code java.net.http} because the load generator shares two cores with the server: this costs a fraction of the
 * client's CPU per request, and every server (Oponn and the bare baselines) is driven by this same code, so the
 * client's share is the same for each. After {@value #REQUESTS_PER_CONNECTION} requests (Tomcat's default keep-alive
 * limit, kept so runs stay comparable) it reconnects from the next source address, so a long run spreads over many client addresses
 * the way many voters would, and no single address carries a rate that per-IP limits would rightly refuse. Not
 * thread-safe: one user at a time.
 */
final class HttpConnection implements Closeable {

    private static final int MAX_HEADER_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;
    private static final int MAX_BODY = 16 * 1024 * 1024;

    static final int REQUESTS_PER_CONNECTION = 100;
    /** Step between successive source addresses of one connection; prime, so connections rarely meet. */
    private static final int ADDRESS_STEP = 1009;

    private final InetSocketAddress server;
    private final int timeoutMillis;
    private int client;
    private int exchanges;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** @param client picks the first source address ({@link Target#sourceAddress}) */
    HttpConnection(InetSocketAddress server, int client, int timeoutMillis) {
        this.server = server;
        this.client = client;
        this.timeoutMillis = timeoutMillis;
    }

    /** Sends one request and reads the whole response; reconnects first if the server closed the last one. */
    HttpResponse exchange(HttpRequest request) throws IOException {
        try {
            send(request);
            Head head = readHead();
            byte[] body = readBody(head, request.method());
            if (head.closes() || ++exchanges >= REQUESTS_PER_CONNECTION) {
                close();
            }
            return new HttpResponse(head.status(), head.headers(), body);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /**
     * Sends a request whose response body is read as a stream (an event stream). On a 2xx answer the returned body
     * stays open and owns the connection; on any other status the body has been read and the connection closed.
     */
    StreamResponse openStream(HttpRequest request, int readTimeoutMillis) throws IOException {
        try {
            send(request);
            Head head = readHead();
            if (head.status() / 100 != 2) {
                byte[] body = readBody(head, request.method());
                close();
                return new StreamResponse(head.status(), head.headers(), InputStream.nullInputStream(), body);
            }
            socket.setSoTimeout(readTimeoutMillis);
            InputStream body = head.chunked() ? new ChunkedInputStream(in) : in;
            return new StreamResponse(head.status(), head.headers(), body, new byte[0]);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing a socket that is already gone changes nothing.
            }
            socket = null;
        }
    }

    private void send(HttpRequest request) throws IOException {
        if (socket == null || socket.isClosed()) {
            InetAddress local = Target.sourceAddress(client);
            client += ADDRESS_STEP;
            exchanges = 0;
            Socket fresh = new Socket();
            fresh.setTcpNoDelay(true);
            fresh.bind(new InetSocketAddress(local, 0));
            fresh.connect(server, timeoutMillis);
            fresh.setSoTimeout(timeoutMillis);
            socket = fresh;
            in = new BufferedInputStream(fresh.getInputStream(), 4096);
            out = fresh.getOutputStream();
        }
        out.write(request.encode(server.getHostString() + ":" + server.getPort()));
        out.flush();
    }

    private Head readHead() throws IOException {
        String statusLine = readLine(in, MAX_HEADER_LINE);
        if (statusLine == null) {
            throw new EOFException("connection closed before a response");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("bad status line: " + statusLine);
        }
        List<String[]> headers = new ArrayList<>();
        for (int i = 0; ; i++) {
            if (i > MAX_HEADERS) {
                throw new IOException("too many response headers");
            }
            String line = readLine(in, MAX_HEADER_LINE);
            if (line == null) {
                throw new EOFException("connection closed inside the response headers");
            }
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(new String[] {
                    line.substring(0, colon).strip(), line.substring(colon + 1).strip()
                });
            }
        }
        return new Head(status, parts[0], new HttpHeaders(headers));
    }

    private byte[] readBody(Head head, String method) throws IOException {
        if (method.equals("HEAD") || head.status() / 100 == 1 || head.status() == 204 || head.status() == 304) {
            return new byte[0];
        }
        if (head.chunked()) {
            return readAll(new ChunkedInputStream(in));
        }
        String length = head.headers().first("Content-Length");
        if (length != null) {
            long n = Long.parseLong(length.strip());
            if (n > MAX_BODY) {
                throw new IOException("response body too large: " + n);
            }
            return in.readNBytes((int) n);
        }
        byte[] rest = readAll(in);
        close();
        return rest;
    }

    private static byte[] readAll(InputStream body) throws IOException {
        ByteArrayOutputStream collected = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = body.read(buffer)) >= 0) {
            collected.write(buffer, 0, n);
            if (collected.size() > MAX_BODY) {
                throw new IOException("response body too large");
            }
        }
        return collected.toByteArray();
    }

    /** A line up to LF without its CR LF, or null at the end of the stream before any byte. */
    static String readLine(InputStream in, int max) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.UTF_8);
            }
            if (line.size() >= max) {
                throw new IOException("line longer than " + max + " bytes");
            }
            line.write(b);
        }
        if (line.size() == 0) {
            return null;
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private record Head(int status, String version, HttpHeaders headers) {

        boolean chunked() {
            String te = headers.first("Transfer-Encoding");
            return te != null && te.toLowerCase().contains("chunked");
        }

        boolean closes() {
            String connection = headers.first("Connection");
            return version.equals("HTTP/1.0") || (connection != null && connection.equalsIgnoreCase("close"));
        }
    }

    /** The head of a streamed answer; {@code errorBody} is the body of a non-2xx answer, read in full. */
    record StreamResponse(int status, HttpHeaders headers, InputStream body, byte[] errorBody) {}
}
