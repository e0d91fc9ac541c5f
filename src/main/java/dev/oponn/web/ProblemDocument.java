package dev.oponn.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * An error as a client that does not read HTML gets it: an RFC 9457 problem document
 * ({@code application/problem+json}) with the status, its standard title and the sentence Oponn's error page
 * shows. Nothing from the request (path, parameters) and nothing from the failure (exception, message) is in it.
 * {@link #json()} is for answers written outside Spring MVC (the container's own refusals); {@link #fields()} for
 * a controller's message converter.
 */
public record ProblemDocument(URI type, String title, int status, String detail) {

    public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;

    /** No type of Oponn's own: the status says it all ({@code about:blank}, RFC 9457 section 4.2.1). */
    private static final URI NO_TYPE = URI.create("about:blank");

    public static ProblemDocument of(HttpStatus status) {
        return new ProblemDocument(NO_TYPE, status.getReasonPhrase(), status.value(), ErrorPages.detail(status));
    }

    /** For a code Spring may not know (Jetty's 431): titled as the nearest error status, keeping the code. */
    static ProblemDocument of(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        if (known != null && known.isError()) {
            return of(known);
        }
        HttpStatus nearest = status >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
        return new ProblemDocument(NO_TYPE, nearest.getReasonPhrase(), status, ErrorPages.detail(nearest));
    }

    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", type.toString());
        fields.put("title", title);
        fields.put("status", status);
        fields.put("detail", detail);
        return fields;
    }

    public byte[] json() {
        return ("{\"type\":" + quoted(type.toString()) + ",\"title\":" + quoted(title) + ",\"status\":" + status
                        + ",\"detail\":" + quoted(detail) + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String quoted(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
