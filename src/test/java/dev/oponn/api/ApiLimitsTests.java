package dev.oponn.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.ballot.BallotDraft;
import dev.oponn.ballot.BallotService;
import dev.oponn.support.OponnTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The pages' rate and request limits hold for programs: 429 with Retry-After, 413 for a body too large. */
@OponnTest
@TestPropertySource(
        properties = {
            "oponn.rate-limit.enabled=true",
            "oponn.rate-limit.vote.requests=3",
            "oponn.rate-limit.vote.period=1h",
            "oponn.rate-limit.create.requests=3",
            "oponn.rate-limit.create.period=1h"
        })
class ApiLimitsTests {

    @LocalServerPort
    int port;

    @Autowired
    BallotService ballots;

    @Test
    void devicesAndVotesShareTheVoteLimitAndTheRefusalIs429WithRetryAfter() {
        ApiClient api = new ApiClient(port);
        OpenApiContract contract = new OpenApiContract(api);
        // Made without the API, so that the create limit is the other test's alone.
        String ballot = ballots.create(new BallotDraft("Limited", List.of("A", "B"), false, Instant.now(), null))
                .id()
                .value();
        String device = api.device();
        api.vote(ballot, device, "{\"option_ids\":[1]}");
        api.device();

        ApiClient.Reply refused =
                api.vote(ballot, api.post("/api/v1/devices", null).body(), "{\"option_ids\":[1]}");
        ApiClient.Reply deviceRefused = api.post("/api/v1/devices", null);

        assertThat(deviceRefused.status()).isEqualTo(429);
        assertThat(Long.parseLong(deviceRefused.header("Retry-After"))).isPositive();
        assertThat(deviceRefused.contentType()).startsWith("application/problem+json");
        contract.check("POST", "/api/v1/devices", deviceRefused);
        assertThat(refused.status()).isEqualTo(429);
        contract.check("POST", "/api/v1/ballots/{id}/votes", refused);
    }

    @Test
    void creatingIsLimitedAsTheCreatePageIs() {
        ApiClient api = new ApiClient(port);
        String body = "{\"measure\":\"Limited\",\"options\":[\"A\",\"B\"]}";
        ApiClient.Reply reply = api.post("/api/v1/ballots", body);
        for (int i = 0; i < 3 && reply.status() == 201; i++) {
            reply = api.post("/api/v1/ballots", body);
        }

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.header("Retry-After")).isNotNull();
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aBodyLargerThanOponnAcceptsIs413BeforeItIsRead() {
        ApiClient api = new ApiClient(port);

        ApiClient.Reply reply = api.post(
                "/api/v1/ballots/AAAAAAAAAAAAAAAAAAAAAA/votes", "{\"write_in\":\"" + "x".repeat(70_000) + "\"}");

        assertThat(reply.status()).isEqualTo(413);
    }
}
