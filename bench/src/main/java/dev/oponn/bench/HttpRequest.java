package dev.oponn.bench;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A request as bytes on the wire. Built per request; small, so encoding it is cheap next to the exchange. */
record HttpRequest(String method, String path, List<String> headerLines, byte[] body) {

    static HttpRequest get(String path, List<String> headerLines) {
        return new HttpRequest("GET", path, headerLines, new byte[0]);
    }

    /** A urlencoded form post; {@code fields} alternate names and values. */
    static HttpRequest form(String path, List<String> headerLines, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        List<String> lines = new ArrayList<>(headerLines);
        lines.add("Content-Type: application/x-www-form-urlencoded");
        return new HttpRequest("POST", path, lines, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    byte[] encode(String host) {
        StringBuilder head = new StringBuilder(256);
        head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(host).append("\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        if (body.length > 0 || method.equals("POST")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(headBytes.length + body.length);
        out.writeBytes(headBytes);
        out.writeBytes(body);
        return out.toByteArray();
    }
}
