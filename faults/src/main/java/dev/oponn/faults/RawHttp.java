package dev.oponn.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 over a bare socket, for what no well-behaved client sends: invalid bytes, 100 KB headers, endless
 * chunked bodies. It reads one response (by Content-Length, chunked, or to the close) within a timeout.
 */
final class RawHttp {

    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.[01] (\\d{3})");

    record Answer(int status, String head, String body) {
        /** Oponn's own error page, not a container's or a stack trace. */
        boolean oponnErrorPage() {
            return body.contains("class=\"panel alert error\"");
        }

        boolean leaksInternals() {
            return body.contains("Exception")
                    || body.contains("\tat ")
                    || body.contains("at org.")
                    || body.contains("at dev.oponn")
                    || body.toLowerCase(Locale.ROOT).contains("jetty");
        }
    }

    private RawHttp() {}

    static Socket connect(InetAddress from, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 3000);
        socket.setSoTimeout(15_000);
        return socket;
    }

    /** Sends the bytes as one request and reads the answer. */
    static Answer exchange(InetAddress from, int port, byte[] request) throws IOException {
        try (Socket socket = connect(from, port)) {
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before it has read all of a request it refuses: read its answer.
            }
            return read(socket.getInputStream());
        }
    }

    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                    ? state + 1
                    : (b == '\r' ? 1 : 0);
        }
        String headText = head.toString(StandardCharsets.ISO_8859_1);
        Matcher status = STATUS.matcher(headText);
        if (!status.find()) {
            return new Answer(0, headText, "");
        }
        String lower = headText.toLowerCase(Locale.ROOT);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Matcher length = Pattern.compile("content-length: *(\\d+)").matcher(lower);
        try {
            if (length.find()) {
                body.write(in.readNBytes(Integer.parseInt(length.group(1))));
            } else if (lower.contains("transfer-encoding: chunked")) {
                readChunked(in, body);
            } else {
                body.write(in.readAllBytes());
            }
        } catch (SocketTimeoutException e) {
            // What arrived is the answer.
        }
        return new Answer(Integer.parseInt(status.group(1)), headText, body.toString(StandardCharsets.UTF_8));
    }

    private static void readChunked(InputStream in, ByteArrayOutputStream body) throws IOException {
        while (true) {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            int size = line.isEmpty()
                    ? 0
                    : Integer.parseInt(line.toString().split(";")[0].strip(), 16);
            if (size == 0) {
                return;
            }
            body.write(in.readNBytes(size));
            in.readNBytes(2);
        }
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
