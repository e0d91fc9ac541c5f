package dev.oponn.simulate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One new voter, as a program votes through Oponn's public API: it reads the ballot ({@code GET /api/v1/ballots/ID}),
 * gets a device of its own ({@code POST /api/v1/devices}), solves the ballot's proof of work where it has one, and
 * posts its marks ({@code POST /api/v1/ballots/ID/votes}, JSON, the device in {@code Oponn-Device}): one option at
 * random for single and multiple choice and approval, a random ranking for ranked ballots, random stars for score.
 */
final class SimulatedDevice {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final JsonMapper json;

    SimulatedDevice(HttpClient http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    Outcome vote(URI base, String ballotId) throws IOException, InterruptedException {
        String ballotPath = "/api/v1/ballots/" + ballotId;
        HttpResponse<String> read =
                send(HttpRequest.newBuilder(base.resolve(ballotPath)).GET());
        if (read.statusCode() != 200) {
            return Outcome.failed("GET " + ballotPath + " answered " + read.statusCode());
        }
        JsonNode ballot = json.readTree(read.body());
        if (!"active".equals(ballot.path("status").asString())) {
            return Outcome.refused("the ballot is not open for voting");
        }
        HttpResponse<String> device =
                send(HttpRequest.newBuilder(base.resolve("/api/v1/devices")).POST(HttpRequest.BodyPublishers.noBody()));
        if (device.statusCode() != 201) {
            return failure("POST /api/v1/devices", device);
        }
        String token = json.readTree(device.body()).path("device_token").asString();
        Map<String, Object> vote = marks(ballot);
        if (ballot.path("vote_challenge").asBoolean()) {
            HttpResponse<String> issued = send(HttpRequest.newBuilder(base.resolve(ballotPath + "/challenges"))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            if (issued.statusCode() != 201) {
                return failure("POST " + ballotPath + "/challenges", issued);
            }
            JsonNode challenge = json.readTree(issued.body());
            vote.put("challenge", challenge.path("challenge").asString());
            vote.put(
                    "solution",
                    solve(
                            challenge.path("salt").asString(),
                            Long.parseUnsignedLong(challenge.path("target").asString())));
        }
        HttpResponse<String> posted = send(HttpRequest.newBuilder(base.resolve(ballotPath + "/votes"))
                .header("Content-Type", "application/json")
                .header("Oponn-Device", token)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(vote))));
        return switch (posted.statusCode()) {
            case 201 -> Outcome.cast();
            case 403, 409, 422 -> Outcome.refused("the server refused the vote: " + detail(posted));
            default -> failure("POST " + ballotPath + "/votes", posted);
        };
    }

    /** The marks the ballot's method takes, chosen at random among its options. */
    private static Map<String, Object> marks(JsonNode ballot) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<Integer> options = new ArrayList<>();
        ballot.path("options").forEach(option -> options.add(option.path("id").asInt()));
        Map<String, Object> vote = new LinkedHashMap<>();
        switch (ballot.path("voting_method").asString()) {
            case "ranked" -> {
                List<Integer> order = new ArrayList<>(options);
                Collections.shuffle(order, random);
                vote.put("ranking", order.subList(0, 1 + random.nextInt(order.size())));
            }
            case "score" -> {
                Map<String, Integer> stars = new LinkedHashMap<>();
                options.forEach(option -> stars.put(Integer.toString(option), random.nextInt(6)));
                stars.put(Integer.toString(options.get(random.nextInt(options.size()))), 1 + random.nextInt(5));
                vote.put("scores", stars);
            }
            default -> vote.put("option_ids", List.of(options.get(random.nextInt(options.size()))));
        }
        return vote;
    }

    private Outcome failure(String request, HttpResponse<String> response) {
        return switch (response.statusCode()) {
            case 401 -> Outcome.failed("the server knew no device: " + detail(response));
            case 429 -> Outcome.failed("rate limited (raise OPONN_RATE_LIMIT_VOTE_REQUESTS on the server)");
            default -> Outcome.failed(request + " answered " + response.statusCode());
        };
    }

    /** The problem document's detail: the server's own words for the refusal. */
    private String detail(HttpResponse<String> response) {
        try {
            return json.readTree(response.body()).path("detail").asString();
        } catch (RuntimeException notJson) {
            return "status " + response.statusCode();
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        request.timeout(TIMEOUT).header("Accept", "application/json");
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
