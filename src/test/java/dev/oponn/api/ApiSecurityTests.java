package dev.oponn.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.Device;
import dev.oponn.support.OponnTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Programs are not browsers: the API sets no cookie and asks no CSRF token; CORS opens the public operations to any
 * origin without credentials and the owner's to none; a cross-site request that carries cookies is refused.
 */
@OponnTest
class ApiSecurityTests {

    private static final String FOREIGN = "https://elsewhere.example";

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @Test
    void noApiResponseSetsACookie() {
        ApiClient.Created ballot = api.createActive("A", "B");
        String device = api.device();
        List<ApiClient.Reply> replies = List.of(
                ballot.reply(),
                api.get("/api/v1/ballots/" + ballot.id()),
                api.vote(ballot.id(), device, "{\"option_ids\":[1]}"),
                api.vote(ballot.id(), device, "{\"option_ids\":[1]}"),
                api.get("/api/v1/ballots/" + ballot.id() + "/results"),
                api.post("/api/v1/ballots/" + ballot.id() + "/close", null, ballot.owner()),
                api.get("/api/v1/ballots/AAAAAAAAAAAAAAAAAAAAAA"),
                api.get("/api/v1/openapi.json"));

        for (ApiClient.Reply reply : replies) {
            assertThat(reply.headers().allValues("Set-Cookie"))
                    .as("status %s", reply.status())
                    .isEmpty();
        }
    }

    @Test
    void postsNeedNoCsrfTokenAndAForeignOriginMayVoteWithoutCookies() {
        ApiClient.Created ballot = api.createActive("A", "B");

        ApiClient.Reply vote = api.post(
                "/api/v1/ballots/" + ballot.id() + "/votes",
                "{\"option_ids\":[1]}",
                "Oponn-Device",
                api.device(),
                "Origin",
                FOREIGN,
                "Sec-Fetch-Site",
                "cross-site");

        assertThat(vote.status()).isEqualTo(201);
        assertThat(vote.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(vote.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void aCrossSiteRequestThatCarriesCookiesIsRefused() {
        ApiClient.Created ballot = api.createActive("A", "B");

        ApiClient.Reply forged = api.post(
                "/api/v1/ballots/" + ballot.id() + "/close",
                null,
                "Origin",
                FOREIGN,
                "Sec-Fetch-Site",
                "cross-site",
                "Cookie",
                "SESSION=stolen");

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/ballots/" + ballot.id())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("active");
    }

    @Test
    void corsPreflightAdmitsVotesAndReadsFromAnyOriginButNeverOwnerOperations() {
        ApiClient.Created ballot = api.createActive("A", "B");
        String base = "/api/v1/ballots/" + ballot.id();

        ApiClient.Reply vote = preflight(base + "/votes", "POST", "content-type,oponn-device");
        ApiClient.Reply events = preflight(base + "/events", "GET", "last-event-id");
        ApiClient.Reply close = preflight(base + "/close", "POST", "authorization");
        ApiClient.Reply delete = preflight(base, "DELETE", "authorization");
        ApiClient.Reply bearerOnVote = preflight(base + "/votes", "POST", "authorization");
        ApiClient.Reply read = api.get(base + "/results", "Origin", FOREIGN);

        assertThat(vote.status()).isEqualTo(200);
        assertThat(vote.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(vote.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(events.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(close.header("Access-Control-Allow-Origin")).isNull();
        assertThat(delete.header("Access-Control-Allow-Origin")).isNull();
        assertThat(bearerOnVote.header("Access-Control-Allow-Origin")).isNull();
        assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(read.header("Access-Control-Expose-Headers")).contains("Retry-After");
    }

    @Test
    void aSignedInCreatorOwnsTheBallotThroughTheSessionAndGetsNoManageToken() {
        Device browser = new Device(port);
        browser.post("/auth/mock-sign-in", "name", "Api session owner");

        Device.Response created = browser.postRaw(
                "/api/v1/ballots",
                "application/json",
                "{\"measure\":\"Team lunch\",\"options\":[\"A\",\"B\"],\"duration_mins\":0}");
        JsonNode body = ApiClient.JSON.readTree(created.body());
        String id = body.get("id").asString();
        Device.Response closedBySession = browser.postRaw("/api/v1/ballots/" + id + "/close", "application/json", "{}");
        ApiClient.Reply reopenedByStranger = api.post("/api/v1/ballots/" + id + "/reopen", "{\"duration_mins\":0}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(body.has("manage_token")).isFalse();
        assertThat(body.get("manage_url").asString()).endsWith("/manage/" + id);
        assertThat(closedBySession.status()).isEqualTo(200);
        assertThat(reopenedByStranger.status()).isEqualTo(404);
    }

    @Test
    void onASignedInBallotTheSessionsAccountIsTheVoterAndADeviceIsNotEnough() {
        ApiClient.Created ballot = api.create(
                "{\"measure\":\"Members only\",\"options\":[\"A\",\"B\"],\"duration_mins\":0,\"who_may_vote\":\"signed_in\"}");
        String path = "/api/v1/ballots/" + ballot.id() + "/votes";
        Device member = new Device(port);
        member.post("/auth/mock-sign-in", "name", "Api member");

        ApiClient.Reply deviceOnly = api.vote(ballot.id(), api.device(), "{\"option_ids\":[1]}");
        Device.Response first = member.postRaw(path, "application/json", "{\"option_ids\":[1]}");
        Device.Response again =
                member.postRaw(path, "application/json", "{\"option_ids\":[2]}", "Oponn-Device", api.device());

        assertThat(deviceOnly.status()).isEqualTo(401);
        assertThat(deviceOnly.json().get("reason").asString()).isEqualTo("sign_in");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status())
                .as("a new device does not make the account a new voter")
                .isEqualTo(409);
    }

    @Test
    void onlyTheDocsPagesAdmitSwaggerUisOneInlineStyleByItsHash() {
        String pages = api.get("/create").header("Content-Security-Policy");
        String docs = api.get("/api/swagger-ui/index.html").header("Content-Security-Policy");

        assertThat(pages).contains("style-src 'self';").doesNotContain("unsafe");
        assertThat(docs)
                .isEqualTo(pages.replace(
                        "style-src 'self'",
                        "style-src 'self' 'unsafe-hashes' '" + ApiDocsPolicy.SWAGGER_UI_STYLE + "'"));
        assertThat(api.get("/api/v1/ballots/AAAAAAAAAAAAAAAAAAAAAA").header("Content-Security-Policy"))
                .isEqualTo(pages);
    }

    private ApiClient.Reply preflight(String path, String method, String headers) {
        return api.options(
                path,
                "Origin",
                FOREIGN,
                "Access-Control-Request-Method",
                method,
                "Access-Control-Request-Headers",
                headers);
    }
}
