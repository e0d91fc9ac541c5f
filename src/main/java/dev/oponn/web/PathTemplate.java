package dev.oponn.web;

import java.util.regex.Pattern;

/**
 * What an error line says about the path it refused: the shape of the route, never the path itself. Oponn's paths
 * carry secrets (a ballot id is its vote link, {@code /manage/{id}/{key}} holds the owner's key), and a probe's path
 * is whatever the prober typed. Segments that are words of Oponn's own routes stay; every other segment becomes
 * {@code *}, so {@code /manage/<id>/<key>.} logs as {@code /manage/*}{@code /*}.
 */
final class PathTemplate {

    /** The literal segments of Oponn's routes and static files. Only fixed words: none can be an id or a key. */
    private static final Pattern ROUTE_WORD = Pattern.compile(
            "vote|results|manage|ballots|api|v1|devices|votes|events|challenges|webhooks|export|openapi\\.json|docs|swagger-ui"
                    + "|close|reopen|extend|start|visibility|voters|cap|challenge|delete|live-results|create|partials"
                    + "|start-time-input|language|auth|login|logout|callback|mock-sign-in|google|github|error|actuator|health"
                    + "|readiness|liveness|prometheus|webjars|css|js|favicon\\.svg|favicon\\.ico|robots\\.txt");

    private PathTemplate() {}

    static String of(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return "/";
        }
        String[] segments = path.split("/", -1);
        StringBuilder template = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            template.append('/');
            if (segment.isEmpty()) {
                continue;
            }
            template.append(ROUTE_WORD.matcher(segment).matches() ? segment : "*");
        }
        return template.toString();
    }
}
