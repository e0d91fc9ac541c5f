package dev.oponn.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oponn.api.ApiClient;
import dev.oponn.api.ApiTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The API's live stream, {@code GET /api/v1/ballots/{id}/events}: the pages' feed in JSON. The same change is read
 * and serialised once for the pages' viewers and the programs' alike; ids are tally versions and resume; the stream
 * ends with {@code closed} or {@code deleted}.
 */
@ApiTest
class JsonEventsTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry registry;

    HttpClient http;
    ApiClient api;
    final List<SseClient> open = new ArrayList<>();

    @BeforeEach
    void setUp() {
        http = SseClient.newHttp();
        api = new ApiClient(port);
    }

    @AfterEach
    void closeStreams() {
        open.forEach(SseClient::close);
        http.shutdownNow();
    }

    @Test
    void theFirstEventIsTheTallyAsJsonWithItsVersionAsTheId() {
        ApiClient.Created ballot = api.createActive("Pizza", "Sushi");
        api.vote(ballot.id(), api.device(), "{\"option_ids\":[2]}");

        SseClient stream = events(ballot.id());

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(stream.headers().allValues("Set-Cookie")).isEmpty();
        await().atMost(WAIT).until(() -> lastResults(stream) != null);
        SseClient.Event first = lastResults(stream);
        assertThat(first.id()).isEqualTo("1");
        JsonNode data = ApiClient.JSON.readTree(first.data());
        assertThat(data.get("tally_version").asLong()).isEqualTo(1);
        assertThat(data.get("options").get(1).get("votes").asLong()).isEqualTo(1);
        assertThat(data)
                .isEqualTo(withoutReadAt(
                        api.get("/api/v1/ballots/" + ballot.id() + "/results").json(), data));
    }

    @Test
    void oneChangeIsSerialisedOnceForPagesAndProgramsAlike() {
        ApiClient.Created ballot = api.createActive("Pizza", "Sushi");
        List<SseClient> programs = List.of(events(ballot.id()), events(ballot.id()), events(ballot.id()));
        SseClient page = track(SseClient.open(http, port, "/ballots/" + ballot.id() + "/live-results"));
        await().atMost(WAIT).until(() -> programs.stream().allMatch(s -> version(s) == 0) && page.lastVersion() == 0);
        double renders = registry.get(LiveMetrics.RENDERS).counter().count();

        api.vote(ballot.id(), api.device(), "{\"option_ids\":[1]}");

        await().atMost(WAIT).until(() -> programs.stream().allMatch(s -> version(s) == 1) && page.lastVersion() == 1);
        assertThat(registry.get(LiveMetrics.RENDERS).counter().count() - renders)
                .isEqualTo(1);
        assertThat(programs)
                .extracting(s -> lastResults(s).data())
                .containsOnly(lastResults(programs.getFirst()).data());
        assertThat(page.lastMessage().data()).contains("<section");
    }

    @Test
    void lastEventIdResumesAndAQuietStreamGetsHeartbeats() {
        ApiClient.Created ballot = api.createActive("Pizza", "Sushi");
        api.vote(ballot.id(), api.device(), "{\"option_ids\":[1]}");

        SseClient resumed = events(ballot.id(), "Last-Event-ID", "1");

        await().atMost(WAIT).until(() -> resumed.comments() > 0);
        assertThat(lastResults(resumed))
                .as("nothing the client has is sent again")
                .isNull();
        api.vote(ballot.id(), api.device(), "{\"option_ids\":[2]}");
        await().atMost(WAIT).until(() -> version(resumed) == 2);
    }

    @Test
    void closingTheBallotSendsTheFinalTallyThenClosedThenEnd() {
        ApiClient.Created ballot = api.createActive("Pizza", "Sushi");
        SseClient stream = events(ballot.id());
        await().atMost(WAIT).until(() -> version(stream) == 0);

        api.post("/api/v1/ballots/" + ballot.id() + "/close", null, ballot.owner());

        await().atMost(WAIT).until(stream::ended);
        List<SseClient.Event> events = stream.events();
        assertThat(events).extracting(SseClient.Event::type).endsWith("results", "closed", "end");
        SseClient.Event last = events.get(events.size() - 3);
        assertThat(ApiClient.JSON.readTree(last.data()).get("status").asString())
                .isEqualTo("ended");
        SseClient again = events(ballot.id(), "Last-Event-ID", "0");
        assertThat(again.status())
                .as("an ended ballot's stream the client has is over")
                .isEqualTo(204);
    }

    @Test
    void deletingTheBallotEndsTheStreamWithDeleted() {
        ApiClient.Created ballot = api.createActive("Pizza", "Sushi");
        SseClient stream = events(ballot.id());
        await().atMost(WAIT).until(() -> version(stream) == 0);

        api.delete("/api/v1/ballots/" + ballot.id(), ballot.owner());

        await().atMost(WAIT).until(stream::ended);
        assertThat(stream.events().getLast().type()).isEqualTo("deleted");
    }

    @Test
    void hiddenCountsAre403BeforeAnyStreamOpensButTheOwnerWatches() {
        ApiClient.Created ballot = api.create(
                "{\"measure\":\"Secret\",\"options\":[\"A\",\"B\"],\"duration_mins\":0,\"results_visibility\":\"after_close\"}");

        SseClient hidden = events(ballot.id());
        SseClient owner = events(ballot.id(), ballot.owner());

        assertThat(hidden.status()).isEqualTo(403);
        assertThat(hidden.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        await().atMost(WAIT).until(() -> version(owner) == 0);
    }

    private SseClient events(String ballot, String... headers) {
        return track(SseClient.open(http, port, "/api/v1/ballots/" + ballot + "/events", headers));
    }

    private SseClient track(SseClient stream) {
        open.add(stream);
        return stream;
    }

    private static SseClient.@Nullable Event lastResults(SseClient stream) {
        List<SseClient.Event> results =
                stream.events().stream().filter(e -> e.type().equals("results")).toList();
        return results.isEmpty() ? null : results.getLast();
    }

    private static long version(SseClient stream) {
        SseClient.Event last = lastResults(stream);
        return last == null ? -1 : last.version();
    }

    /** The document with the stream's read_at, which says when it was read, not what. */
    private static JsonNode withoutReadAt(JsonNode document, JsonNode from) {
        ((tools.jackson.databind.node.ObjectNode) document).set("read_at", from.get("read_at"));
        return document;
    }
}
