package dev.oponn.simulate;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One new browser: it opens the vote page (which gives it a device cookie and a CSRF token; the vote itself never
 * issues a device), picks one of the listed options at random and posts the form, as a person would. On a ballot
 * that asks for a proof of work it solves it as the page's script does.
 */
final class SimulatedDevice {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern OPTION = Pattern.compile("name=\"option_id\"\\s+value=\"(\\d+)\"");
    private static final Pattern RANK = Pattern.compile("name=\"rank_(\\d+)\"");
    private static final Pattern SCORE = Pattern.compile("name=\"score_(\\d+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"X-CSRF-Token\"\\s+value=\"([^\"]+)\"");
    private static final Pattern CHALLENGE = Pattern.compile("name=\"challenge\"\\s+value=\"([^\"]+)\"");
    private static final Pattern SALT = Pattern.compile("data-challenge-salt=\"([^\"]+)\"");
    private static final Pattern TARGET = Pattern.compile("data-challenge-target=\"([0-9]+)\"");

    private final HttpClient http;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    SimulatedDevice(HttpClient http) {
        this.http = http;
    }

    Outcome vote(URI votePage) throws IOException, InterruptedException {
        HttpResponse<String> page = send(HttpRequest.newBuilder(votePage).GET());
        if (page.statusCode() != 200) {
            return Outcome.failed("GET " + votePage.getPath() + " answered " + page.statusCode());
        }
        List<String> options = all(OPTION.matcher(page.body()));
        List<String> ranked = all(RANK.matcher(page.body()));
        List<String> scored = all(SCORE.matcher(page.body()));
        Matcher csrf = CSRF.matcher(page.body());
        if ((options.isEmpty() && ranked.isEmpty() && scored.isEmpty()) || !csrf.find()) {
            return Outcome.refused("the ballot is not open for voting");
        }
        Map<String, String> fields = new LinkedHashMap<>(Map.of("X-CSRF-Token", csrf.group(1)));
        mark(fields, options, ranked, scored);
        Matcher challenge = CHALLENGE.matcher(page.body());
        Matcher salt = SALT.matcher(page.body());
        Matcher target = TARGET.matcher(page.body());
        if (challenge.find() && salt.find() && target.find()) {
            fields.put("challenge", challenge.group(1));
            fields.put("solution", solve(salt.group(1), Long.parseUnsignedLong(target.group(1))));
        }
        String form = form(fields);
        HttpResponse<String> posted = send(HttpRequest.newBuilder(votePage)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        return switch (posted.statusCode()) {
            case 303 -> Outcome.cast();
            case 200 -> Outcome.refused("the server refused the vote");
            case 400 -> Outcome.failed("the server knew no device (the vote page set no device cookie)");
            case 429 -> Outcome.failed("rate limited (raise OPONN_RATE_LIMIT_VOTE_REQUESTS on the server)");
            default -> Outcome.failed("POST " + votePage.getPath() + " answered " + posted.statusCode());
        };
    }

    /**
     * One option at random (single and multiple choice); a random ranking of some options, as scripts post it
     * ({@code ranking}); or random stars, at least one option given one.
     */
    private static void mark(
            Map<String, String> fields, List<String> options, List<String> ranked, List<String> scored) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (!ranked.isEmpty()) {
            List<String> order = new ArrayList<>(ranked);
            java.util.Collections.shuffle(order, random);
            fields.put("ranking", String.join(",", order.subList(0, 1 + random.nextInt(order.size()))));
        } else if (!scored.isEmpty()) {
            for (String option : scored) {
                fields.put("score_" + option, Integer.toString(random.nextInt(6)));
            }
            fields.put("score_" + scored.get(random.nextInt(scored.size())), Integer.toString(1 + random.nextInt(5)));
        } else {
            fields.put("option_id", options.get(random.nextInt(options.size())));
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        request.timeout(TIMEOUT);
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                            .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(
                        pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return response;
    }

    /** The first n whose SHA-256 of salt + n starts with 8 bytes below the target, as the vote page's script finds it. */
    static String solve(String salt, long target) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (long n = 0; ; n++) {
                byte[] hash = sha256.digest((salt + n).getBytes(StandardCharsets.UTF_8));
                if (Long.compareUnsigned(ByteBuffer.wrap(hash).getLong(), target) < 0) {
                    return Long.toString(n);
                }
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static List<String> all(Matcher matcher) {
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** How one device's vote went; {@code detail} says why when it was not cast. */
    record Outcome(Kind kind, String detail) {

        enum Kind {
            CAST,
            REFUSED,
            FAILED
        }

        static Outcome cast() {
            return new Outcome(Kind.CAST, "");
        }

        static Outcome refused(String why) {
            return new Outcome(Kind.REFUSED, why);
        }

        static Outcome failed(String why) {
            return new Outcome(Kind.FAILED, why);
        }
    }
}
