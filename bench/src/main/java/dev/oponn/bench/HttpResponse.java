package dev.oponn.bench;

import java.nio.charset.StandardCharsets;

record HttpResponse(int status, HttpHeaders headers, byte[] body) {

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
        return headers.first(name);
    }
}
