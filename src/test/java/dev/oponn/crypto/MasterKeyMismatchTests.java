package dev.oponn.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.api.ApiClient;
import dev.oponn.api.OpenApiContract;
import dev.oponn.platform.LogFingerprints;
import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import dev.oponn.support.FreshDatabase;
import dev.oponn.support.Instance;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Two instances on one database, each with its own local master keyset (the development default: each generates
 * one in its own data directory). The second cannot open the first's ballots; it must say why, once, in its log,
 * and tell visitors the ballot is temporarily unavailable rather than that something broke.
 */
@ExtendWith(OutputCaptureExtension.class)
class MasterKeyMismatchTests {

    FreshDatabase.Database database;
    String secret;

    @BeforeEach
    void database() {
        database = FreshDatabase.create();
        secret = FreshDatabase.randomSecret();
    }

    @AfterEach
    void drop() {
        database.drop();
    }

    @Test
    void anInstanceWithAnotherMasterKeySaysSoOnceAndAnswersUnavailable(CapturedOutput output) throws Exception {
        try (Instance first = Instance.start(database, secret);
                Instance second = Instance.start(database, secret)) {
            String ballot = Flows.createBallot(new Device(first.port()), "Whose key is it?", "Mine, Yours", true);
            Device visitor = new Device(second.port());

            for (String path : new String[] {"/vote/" + ballot, "/results/" + ballot, "/vote/" + ballot}) {
                Device.Response page = visitor.get(path);
                assertThat(page.status()).as(path).isEqualTo(503);
                assertThat(page.header("Retry-After")).as(path).isNotBlank();
                assertThat(page.body())
                        .contains("This ballot is temporarily unavailable")
                        .doesNotContain("Whose key is it?")
                        .doesNotContain("Exception");
            }
            HttpResponse<String> program = Device.newClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + second.port() + "/results/" + ballot))
                                    .header("Accept", "application/json")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(program.statusCode())
                    .as("a client that does not read HTML")
                    .isEqualTo(503);
            assertThat(program.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(program.headers().firstValue("Retry-After")).isPresent();
            assertThat(program.body())
                    .contains("This ballot is temporarily unavailable")
                    .doesNotContain("Whose key is it?")
                    .doesNotContain(ballot);
            Device.Response vote = Flows.vote(visitor, ballot, "1");
            assertThat(vote.status()).isEqualTo(503);

            assertThat(new Device(first.port()).get("/vote/" + ballot).body())
                    .as("the instance that holds the key still serves it")
                    .contains("Whose key is it?");
            assertThat(output.getOut().lines().filter(line -> line.contains("master_key.mismatch")))
                    .as("one line per process, however often the ballot is asked for")
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .contains(second.bean(LogFingerprints.class).ballot(ballot))
                            .doesNotContain(ballot)
                            .contains("OPONN_MASTER_KEYSET")
                            .contains("OPONN_SECRET_KEY"));
        }
    }

    /**
     * The API, the live streams and the presentation page meet the same key: each answers 503 with Retry-After and
     * the same sentence, the API as its own problem document (documented in its OpenAPI), never as an internal
     * error and without logging one.
     */
    @Test
    void everyRouteThatMeetsAnotherMasterKeyAnswersUnavailable(CapturedOutput output) throws Exception {
        try (Instance first = Instance.start(database, secret);
                Instance second = Instance.start(database, secret)) {
            String ballot =
                    new ApiClient(first.port()).createActive("Curry", "Sushi").id();
            ApiClient api = new ApiClient(second.port());
            OpenApiContract contract = new OpenApiContract(api);
            String device = api.device();

            record Call(String method, String template, ApiClient.Reply reply) {}
            Call[] calls = {
                new Call("GET", "/api/v1/ballots/{id}", api.get("/api/v1/ballots/" + ballot)),
                new Call("GET", "/api/v1/ballots/{id}/results", api.get("/api/v1/ballots/" + ballot + "/results")),
                new Call("POST", "/api/v1/ballots/{id}/votes", api.vote(ballot, device, "{\"option_ids\":[1]}")),
                new Call(
                        "GET",
                        "/api/v1/ballots/{id}/events",
                        api.get("/api/v1/ballots/" + ballot + "/events", "Accept", "text/event-stream")),
            };
            for (Call call : calls) {
                ApiClient.Reply reply = call.reply();
                assertThat(reply.status()).as(call.template()).isEqualTo(503);
                assertThat(reply.header("Retry-After")).as(call.template()).isNotBlank();
                assertThat(reply.contentType()).as(call.template()).startsWith("application/problem+json");
                assertThat(reply.json().get("status").asInt()).isEqualTo(503);
                assertThat(reply.json().get("detail").asString())
                        .as(call.template())
                        .isEqualTo("This ballot is temporarily unavailable. Try again in a few minutes.");
                assertThat(reply.body())
                        .as(call.template())
                        .doesNotContain("Where shall we eat?")
                        .doesNotContain(ballot)
                        .doesNotContain("Exception")
                        .doesNotContain("dev.oponn");
                contract.check(call.method(), call.template(), reply);
            }

            Device visitor = new Device(second.port());
            for (String path : new String[] {"/ballots/" + ballot + "/live-results", "/present/" + ballot}) {
                Device.Response page = visitor.get(path);
                assertThat(page.status()).as(path).isEqualTo(503);
                assertThat(page.header("Retry-After")).as(path).isNotBlank();
                assertThat(page.body())
                        .as(path)
                        .contains("This ballot is temporarily unavailable")
                        .doesNotContain("Where shall we eat?")
                        .doesNotContain("Exception");
            }

            assertThat(output.getOut())
                    .as("a key that is another instance's is not Oponn's failure")
                    .doesNotContain("api.failed")
                    .doesNotContain("MasterKeyMismatchException");
            assertThat(output.getOut().lines().filter(line -> line.contains("master_key.mismatch")))
                    .singleElement()
                    .satisfies(line -> assertThat(line).contains("OPONN_MASTER_KEYSET"));
        }
    }
}
