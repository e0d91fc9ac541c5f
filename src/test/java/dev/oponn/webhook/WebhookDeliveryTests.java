package dev.oponn.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oponn.api.ApiClient;
import dev.oponn.api.ApiTest;
import dev.oponn.api.OpenApiContract;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks end to end against a receiver on loopback (private destinations allowed, as tests need): registration,
 * the three messages signed per Standard Webhooks, retries under one id, redirects refused, and no vote waiting for
 * a slow receiver.
 */
@ApiTest
class WebhookDeliveryTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    ApiClient api;
    Receiver receiver;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        receiver = new Receiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void registeringAnswersTheSecretOnceAndRefusesWhatIsNotAWebhook() {
        OpenApiContract contract = new OpenApiContract(api);
        ApiClient.Created ballot = api.createActive("A", "B");
        String path = "/api/v1/ballots/" + ballot.id() + "/webhooks";

        ApiClient.Reply registered = api.post(
                path, "{\"url\":\"" + receiver.url("/hook") + "\",\"events\":[\"results.final\"]}", ballot.owner());
        ApiClient.Reply invalid =
                api.post(path, "{\"url\":\"ftp://x\",\"events\":[\"ballot.opened\"]}", ballot.owner());
        ApiClient.Reply stranger =
                api.post(path, "{\"url\":\"" + receiver.url("/hook") + "\",\"events\":[\"results.final\"]}");

        assertThat(registered.status()).isEqualTo(201);
        contract.check("POST", "/api/v1/ballots/{id}/webhooks", registered);
        assertThat(registered.json().get("secret").asString()).startsWith("whsec_");
        assertThat(invalid.status()).isEqualTo(422);
        contract.check("POST", "/api/v1/ballots/{id}/webhooks", invalid);
        assertThat(invalid.json().get("errors").get("url").asString()).isEqualTo("Give an absolute http or https URL");
        assertThat(invalid.json().get("errors").get("events").asString())
                .isEqualTo("Events are ballot.closed, ballot.deleted and results.final");
        assertThat(stranger.status()).isEqualTo(404);
        contract.check("POST", "/api/v1/ballots/{id}/webhooks", stranger);
    }

    @Test
    void closingSendsBallotClosedAndTheFinalCountsSignedWithTheWebhooksSecret() {
        ApiClient.Created ballot = api.createActive("Pizza", "Sushi");
        String secret = register(ballot, "ballot.closed", "results.final");
        api.vote(ballot.id(), api.device(), "{\"option_ids\":[2]}");
        api.vote(ballot.id(), api.device(), "{\"option_ids\":[2]}");

        api.post("/api/v1/ballots/" + ballot.id() + "/close", null, ballot.owner());

        await().atMost(WAIT).until(() -> receiver.received().size() >= 2);
        List<Receiver.Received> all = receiver.received();
        assertThat(all)
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.verifiedWith(secret)).isTrue());
        assertThat(all)
                .noneSatisfy(r ->
                        assertThat(r.verifiedWith("whsec_" + "A".repeat(32))).isTrue());
        assertThat(all)
                .extracting(Receiver.Received::id)
                .doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith("msg_"));
        JsonNode closed = ApiClient.JSON.readTree(
                receiver.ofType("ballot.closed").getFirst().body());
        assertThat(closed.get("data").get("ballot_id").asString()).isEqualTo(ballot.id());
        JsonNode results = ApiClient.JSON
                .readTree(receiver.ofType("results.final").getFirst().body())
                .get("data");
        assertThat(results.get("total_votes").asLong()).isEqualTo(2);
        assertThat(results.get("options").get(1).get("id").asInt()).isEqualTo(2);
        assertThat(results.get("options").get(1).get("votes").asLong()).isEqualTo(2);
        assertThat(results.get("options").get(0).get("votes").asLong()).isZero();
        assertThat(receiver.received().getFirst().body())
                .doesNotContain("Pizza")
                .doesNotContain("Sushi");
    }

    @Test
    void aRankedBallotsFinalResultsCarryItsRunoffRoundsAndWinner() {
        ApiClient.Created ballot = api.create("{\"measure\":\"Chair\",\"options\":[\"Ada\",\"Bo\",\"Cy\"],"
                + "\"duration_mins\":0,\"voting_method\":\"ranked\"}");
        String secret = register(ballot, "results.final");
        // First preferences Ada 2, Bo 2, Cy 1: Cy is eliminated and its ballot moves to Bo, who then has 3 of 5.
        for (String ranking : new String[] {"[2]", "[2]", "[1,2]", "[3,2]", "[1]"}) {
            api.vote(ballot.id(), api.device(), "{\"ranking\":" + ranking + "}");
        }

        api.post("/api/v1/ballots/" + ballot.id() + "/close", null, ballot.owner());

        await().atMost(WAIT).until(() -> !receiver.ofType("results.final").isEmpty());
        Receiver.Received message = receiver.ofType("results.final").getFirst();
        assertThat(message.verifiedWith(secret)).isTrue();
        JsonNode data = ApiClient.JSON.readTree(message.body()).get("data");
        assertThat(data.get("voting_method").asString()).isEqualTo("ranked");
        assertThat(data.get("rounds").size()).isEqualTo(2);
        assertThat(data.get("winner").asInt()).isEqualTo(2);
        assertThat(message.body()).doesNotContain("Ada").doesNotContain("Bo\"");
    }

    @Test
    void deletingSendsBallotDeletedThoughTheBallotsKeyIsGone() {
        ApiClient.Created ballot = api.createActive("Pizza", "Sushi");
        String secret = register(ballot, "ballot.deleted");

        api.delete("/api/v1/ballots/" + ballot.id(), ballot.owner());

        await().atMost(WAIT).until(() -> !receiver.ofType("ballot.deleted").isEmpty());
        Receiver.Received deleted = receiver.ofType("ballot.deleted").getFirst();
        assertThat(deleted.verifiedWith(secret)).isTrue();
        assertThat(ApiClient.JSON
                        .readTree(deleted.body())
                        .get("data")
                        .get("ballot_id")
                        .asString())
                .isEqualTo(ballot.id());
    }

    @Test
    void aFailedDeliveryIsRetriedUnderTheSameIdAndARedirectIsNotFollowed() {
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(() -> switch (calls.incrementAndGet()) {
            case 1 -> 500;
            case 2 -> 302;
            default -> 200;
        });
        ApiClient.Created ballot = api.createActive("A", "B");
        String secret = register(ballot, "ballot.closed");

        api.post("/api/v1/ballots/" + ballot.id() + "/close", null, ballot.owner());

        await().atMost(WAIT).until(() -> receiver.received().size() >= 3);
        List<Receiver.Received> attempts = receiver.received();
        assertThat(attempts).extracting(Receiver.Received::path).containsOnly("/hook");
        assertThat(attempts)
                .extracting(Receiver.Received::id)
                .containsOnly(attempts.getFirst().id());
        assertThat(attempts).allSatisfy(r -> assertThat(r.verifiedWith(secret)).isTrue());
    }

    @Test
    void aReceiverThatHoldsItsRequestDelaysNoVote() {
        receiver.holdRequests();
        ApiClient.Created ballot = api.createActive("A", "B");
        register(ballot, "ballot.closed");
        api.post("/api/v1/ballots/" + ballot.id() + "/close", null, ballot.owner());
        await().atMost(WAIT).until(() -> !receiver.received().isEmpty());
        ApiClient.Created other = api.createActive("C", "D");

        List<Integer> votes = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> api.vote(other.id(), api.device(), "{\"option_ids\":[1]}")
                        .status())
                .toList();

        assertThat(votes).containsOnly(201);
        assertThat(receiver.received())
                .as("the receiver still holds its only request")
                .hasSize(1);
        receiver.release();
    }

    private String register(ApiClient.Created ballot, String... events) {
        ApiClient.Reply reply = api.post(
                "/api/v1/ballots/" + ballot.id() + "/webhooks",
                "{\"url\":\"" + receiver.url("/hook") + "\",\"events\":" + ApiClient.array(events) + "}",
                ballot.owner());
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("secret").asString();
    }
}
