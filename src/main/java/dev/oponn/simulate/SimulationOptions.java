package dev.oponn.simulate;

import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What to simulate: {@code <ballot-url-or-id> --votes N [--base-url URL] [--concurrency C]}. A ballot URL
 * ({@code http://host:8080/vote/ID} or {@code .../results/ID}) also gives the server; a bare id is looked up on
 * {@code --base-url}, by default {@code http://localhost:$SERVER_PORT}.
 */
record SimulationOptions(URI baseUrl, String ballotId, int votes, int concurrency) {

    static final String USAGE = """
            usage: ./oponn simulate <ballot-url-or-id> --votes N [--base-url URL] [--concurrency C]
              casts N votes on the ballot through the public API (/api/v1), each from a new device
              (POST /api/v1/devices), choosing options at random; C devices vote at once (default 16)
              --base-url  the server when a bare ballot id is given (default http://localhost:$SERVER_PORT,
                          SERVER_PORT defaulting to 8080)""";

    private static final Pattern BALLOT_URL =
            Pattern.compile("^(https?://[^/]+)(?:/[^?#]*)?/(?:vote|results)/([A-Za-z0-9_-]+)/?(?:[?#].*)?$");
    private static final Pattern BALLOT_ID = Pattern.compile("^[A-Za-z0-9_-]{10,64}$");

    SimulationOptions {
        if (votes < 1) {
            throw new IllegalArgumentException("--votes must be at least 1.");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("--concurrency must be at least 1.");
        }
    }

    static SimulationOptions parse(String[] args, Map<String, String> environment) {
        String target = null;
        String baseUrl = null;
        Integer votes = null;
        int concurrency = 16;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--votes" -> votes = number(arg, value(args, ++i, arg));
                case "--base-url" -> baseUrl = value(args, ++i, arg);
                case "--concurrency" -> concurrency = number(arg, value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("--") || target != null) {
                        throw new IllegalArgumentException("Unexpected argument '" + arg + "'.");
                    }
                    target = arg;
                }
            }
        }
        if (target == null) {
            throw new IllegalArgumentException("Name the ballot: its URL or its id.");
        }
        if (votes == null) {
            throw new IllegalArgumentException("Say how many votes to cast with --votes N.");
        }
        Matcher url = BALLOT_URL.matcher(target);
        String ballotId;
        if (url.matches()) {
            ballotId = url.group(2);
            baseUrl = baseUrl == null ? url.group(1) : baseUrl;
        } else if (BALLOT_ID.matcher(target).matches()) {
            ballotId = target;
        } else {
            throw new IllegalArgumentException(
                    "'" + target + "' is neither a ballot URL (.../vote/ID) nor a ballot id.");
        }
        if (baseUrl == null) {
            baseUrl = "http://localhost:" + environment.getOrDefault("SERVER_PORT", "8080");
        }
        return new SimulationOptions(URI.create(stripTrailingSlash(baseUrl)), ballotId, votes, concurrency);
    }

    URI votePage() {
        return URI.create(baseUrl + "/vote/" + ballotId);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value.");
        }
        return args[index];
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + value + "'.");
        }
    }

    private static String stripTrailingSlash(@Nullable String url) {
        String value = url == null ? "" : url;
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
