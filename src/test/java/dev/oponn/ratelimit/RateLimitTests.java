package dev.oponn.ratelimit;

import static dev.oponn.support.SecurityHeaderAssertions.assertSecurityHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.simulate.Simulation;
import dev.oponn.support.Device;
import dev.oponn.support.Device.Response;
import dev.oponn.support.Flows;
import dev.oponn.support.FreshDatabase;
import dev.oponn.support.Instance;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Per-client limits on create, vote and stream connects: the N+1th request in a period is refused with 429,
 * {@code Retry-After} and the error page, on every instance when they share Redis, and the refusal is counted.
 */
class RateLimitTests {

    private static final String CREATE = "measure=Limited&options_raw=yes,no&start_time_type=now&duration_mins=0";

    FreshDatabase.Database database;
    String secret;
    String namespace;

    @BeforeEach
    void database() {
        database = FreshDatabase.create();
        secret = FreshDatabase.randomSecret();
        namespace = "oponn-test:" + UUID.randomUUID() + ":";
    }

    @AfterEach
    void drop() {
        database.drop();
    }

    @Test
    void theFourthCreationInAnHourIsRefusedOnBothInstancesSharingRedis() {
        String[] settings = {
            "--oponn.rate-limit.enabled=true",
            "--oponn.rate-limit.create.requests=3",
            "--oponn.rate-limit.create.period=1h",
            "--oponn.redis.url=redis://127.0.0.1:6379",
            "--oponn.rate-limit.redis-key-prefix=" + namespace
        };
        try (Instance one = Instance.start(database, secret, settings);
                Instance two = Instance.start(database, secret, settings)) {
            StringRedisTemplate redis = one.bean(StringRedisTemplate.class);
            try {
                limitsCreationAcross(one, two, redis);
            } finally {
                redis.delete(redis.keys(namespace + "*"));
            }
        }
    }

    private void limitsCreationAcross(Instance one, Instance two, StringRedisTemplate redis) {
        Device onOne = new Device(one.port());
        Device onTwo = new Device(two.port());

        assertThat(create(onOne).status()).isEqualTo(303);
        assertThat(create(onTwo).status()).isEqualTo(303);
        assertThat(create(onOne).status()).isEqualTo(303);

        Response refusedOnTwo = create(onTwo);
        Response refusedOnOne = create(onOne);
        for (Response refused : new Response[] {refusedOnTwo, refusedOnOne}) {
            assertThat(refused.status()).isEqualTo(429);
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
            assertThat(refused.html().select("h1").text()).contains("429 slow_down");
            assertSecurityHeaders(refused.headers(), "429");
        }
        assertThat(create(onTwo, "X-Forwarded-For", "203.0.113.50").status())
                .as("X-Forwarded-For from a proxy nobody trusts changes nothing")
                .isEqualTo(429);

        assertThat(ballots(one)).isEqualTo(3);
        assertThat(refusals(one, "create")).isEqualTo(1.0);
        assertThat(refusals(two, "create")).isEqualTo(2.0);
        assertThat(redis.keys(namespace + "*"))
                .as("the buckets live in Redis under the configured prefix")
                .isNotEmpty();
        assertThat(new Device(one.managementPort())
                        .get("/actuator/health/readiness")
                        .body())
                .contains("\"redis\":{\"status\":\"UP\"}");
    }

    /** Hundreds of voters behind one NAT address, one hot bucket in Redis: with the default limits all vote. */
    @Test
    void aClassroomBehindOneAddressVotesWithTheDefaultLimits() {
        try (Instance instance = Instance.start(
                database,
                secret,
                "--oponn.rate-limit.enabled=true",
                "--oponn.redis.url=redis://127.0.0.1:6379",
                "--oponn.rate-limit.redis-key-prefix=" + namespace)) {
            StringRedisTemplate redis = instance.bean(StringRedisTemplate.class);
            try {
                String ballot = Flows.createBallot(new Device(instance.port()), "Class vote", "yes, no", false);
                int exitCode = Simulation.run(
                        "http://127.0.0.1:" + instance.port() + "/vote/" + ballot,
                        "--votes",
                        "300",
                        "--concurrency",
                        "24");
                assertThat(exitCode).as("every vote cast").isZero();
                assertThat(instance.bean(MeterRegistry.class)
                                .find("oponn.rate.limit.refusals")
                                .counters())
                        .allSatisfy(counter -> assertThat(counter.count()).isZero());
            } finally {
                redis.delete(redis.keys(namespace + "*"));
            }
        }
    }

    /**
     * A forged post from another site must not cost its victim's address anything: with a budget of three, ten
     * posts refused for their token or origin leave all three creations.
     */
    @Test
    void postsRefusedByTheCsrfOrOriginCheckAreNotCharged() {
        try (Instance instance = Instance.start(
                database,
                secret,
                "--oponn.rate-limit.enabled=true",
                "--oponn.rate-limit.create.requests=3",
                "--oponn.rate-limit.create.period=1h")) {
            Device victim = new Device(instance.port());
            String token = victim.csrfToken();
            for (int i = 0; i < 5; i++) {
                assertThat(victim.postRaw("/create", "application/x-www-form-urlencoded", CREATE)
                                .status())
                        .as("no token")
                        .isEqualTo(403);
                assertThat(victim.postRaw(
                                        "/create",
                                        "application/x-www-form-urlencoded",
                                        "X-CSRF-Token=" + token + "&" + CREATE,
                                        "Origin",
                                        "http://evil.example",
                                        "Sec-Fetch-Site",
                                        "cross-site")
                                .status())
                        .as("foreign origin")
                        .isEqualTo(403);
            }

            for (int i = 0; i < 3; i++) {
                assertThat(create(victim).status()).isEqualTo(303);
            }
            assertThat(create(victim).status()).isEqualTo(429);
            assertThat(refusals(instance, "create")).isEqualTo(1.0);
        }
    }

    @Test
    void votesAndStreamConnectsAreLimitedPerClientInProcessBehindATrustedProxy()
            throws IOException, InterruptedException {
        try (Instance instance = Instance.start(
                database,
                secret,
                "--oponn.rate-limit.enabled=true",
                "--oponn.rate-limit.vote.requests=4",
                "--oponn.rate-limit.stream.requests=1",
                "--oponn.proxy.trusted-addresses=127.0.0.1")) {
            Device creator = new Device(instance.port());
            String ballot = Flows.createBallot(creator, "Limited votes", "yes, no", false);

            // The vote page that issues a device and the vote each take one of the address's four.
            Device classroom = new Device(instance.port());
            assertThat(vote(classroom, ballot, "203.0.113.7").status()).isEqualTo(303);
            assertThat(vote(classroom, ballot, "203.0.113.7").status())
                    .as("already voted, but it still counts against the address")
                    .isEqualTo(200);
            Response refused = vote(new Device(instance.port()), ballot, "203.0.113.7");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);

            assertThat(vote(new Device(instance.port()), ballot, "198.51.100.9").status())
                    .as("another client behind the same proxy has its own bucket")
                    .isEqualTo(303);

            assertThat(connect(instance, ballot, "203.0.113.7")).isNotEqualTo(429);
            assertThat(connect(instance, ballot, "203.0.113.7")).isEqualTo(429);
            assertThat(connect(instance, ballot, "198.51.100.9")).isNotEqualTo(429);

            assertThat(refusals(instance, "vote")).isEqualTo(1.0);
            assertThat(refusals(instance, "stream")).isEqualTo(1.0);
            assertThat(instance.context().getBeanProvider(RedisBuckets.class).getIfAvailable())
                    .as("without OPONN_REDIS_URL the buckets stay in process")
                    .isNull();
        }
    }

    private static Response create(Device device, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Accept";
        all[1] = "text/html";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return device.postRaw(
                "/create",
                "application/x-www-form-urlencoded",
                "X-CSRF-Token=" + device.csrfToken() + "&" + CREATE,
                all);
    }

    /**
     * A device is what a stuffing script multiplies, so the vote page that issues one charges the address's vote
     * limit; a browser that holds its device loads the page as often as it likes, and a refused page issues nothing.
     */
    @Test
    void aVotePageThatIssuesADeviceIsChargedToTheVoteLimitAndOneThatKnowsItsDeviceIsNot() {
        try (Instance instance = Instance.start(
                database, secret, "--oponn.rate-limit.enabled=true", "--oponn.rate-limit.vote.requests=3")) {
            String ballot = Flows.createBallot(new Device(instance.port()), "Devices cost", "yes, no", false);
            Device returning = new Device(instance.port());
            assertThat(returning.get("/vote/" + ballot).status()).isEqualTo(200);
            String device = returning.cookie("oponn_device");
            assertThat(device).as("the vote page issues the device").isNotNull();
            for (int i = 0; i < 5; i++) {
                assertThat(returning.get("/vote/" + ballot).status())
                        .as("a browser with its device is not charged for the page")
                        .isEqualTo(200);
            }
            assertThat(returning.cookie("oponn_device")).isEqualTo(device);

            assertThat(new Device(instance.port()).get("/vote/" + ballot).status())
                    .isEqualTo(200);
            Device forged = new Device(instance.port());
            forged.setCookie("oponn_device", "made-up.value");
            assertThat(forged.get("/vote/" + ballot).status())
                    .as("a made-up cookie is no device: the new one it gets is charged")
                    .isEqualTo(200);

            Device fourth = new Device(instance.port());
            Response refused = fourth.get("/vote/" + ballot);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(refused.html().select("h1").text()).contains("429 slow_down");
            assertSecurityHeaders(refused.headers(), "429");
            assertThat(fourth.cookie("oponn_device"))
                    .as("a refused page issues no device")
                    .isNull();
            assertThat(returning.post("/vote/" + ballot, "option_id", "1").status())
                    .as("the devices spent the votes' budget: the address waits")
                    .isEqualTo(429);
            assertThat(refusals(instance, "vote")).isEqualTo(2.0);
        }
    }

    private static Response vote(Device device, String ballot, String forwardedFor) {
        device.getWith("/vote/" + ballot, "X-Forwarded-For", forwardedFor);
        return device.postRaw(
                "/vote/" + ballot,
                "application/x-www-form-urlencoded",
                "X-CSRF-Token=" + device.csrfToken() + "&option_id=1",
                "X-Forwarded-For",
                forwardedFor);
    }

    /** Reads only the head of the answer: once the stream exists its body never ends. */
    private static int connect(Instance instance, String ballot, String forwardedFor)
            throws IOException, InterruptedException {
        try (HttpClient http = Device.newClient()) {
            HttpResponse<InputStream> response = http.send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://127.0.0.1:" + instance.port() + "/ballots/" + ballot + "/live-results"))
                            .header("Accept", "text/event-stream")
                            .header("X-Forwarded-For", forwardedFor)
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        }
    }

    private static long ballots(Instance instance) {
        return instance.bean(JdbcClient.class)
                .sql("SELECT count(*) FROM ballot")
                .query(Long.class)
                .single();
    }

    private static double refusals(Instance instance, String limit) {
        return instance.bean(MeterRegistry.class)
                .get("oponn.rate.limit.refusals")
                .tag("limit", limit)
                .counter()
                .count();
    }
}
