package dev.oponn.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.api.ApiClient;
import dev.oponn.ballot.BallotCatalog;
import dev.oponn.ballot.BallotId;
import dev.oponn.support.Device;
import dev.oponn.support.Device.Response;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The refusals {@link NoSecretsInLogsTests} does not reach, scanned the same way at every level: rate limits (tiny
 * here, and each client its own address behind a trusted proxy, so only the requests meant to be refused are), the
 * public API's error answers, and the defences against vote stuffing. No ballot id, manage key or token, device
 * token or write-in text may reach the log.
 */
@OponnTest
@TestPropertySource(
        properties = {
            "logging.level.dev.oponn=DEBUG",
            "oponn.rate-limit.enabled=true",
            "oponn.rate-limit.create.requests=2",
            "oponn.rate-limit.create.period=1h",
            "oponn.rate-limit.vote.requests=2",
            "oponn.rate-limit.vote.period=1h",
            "oponn.rate-limit.stream.requests=1",
            "oponn.rate-limit.stream.period=1h",
            "oponn.proxy.trusted-addresses=127.0.0.1",
            "oponn.votes.max-write-ins-per-ballot=1"
        })
@ExtendWith(OutputCaptureExtension.class)
class NoSecretsInRefusalLogsTests {

    private static final String UNKNOWN_ID = "AAAAAAAAAAAAAAAAAAAAAQ";
    private static final String XFF = "X-Forwarded-For";

    @LocalServerPort
    int port;

    @Autowired
    BallotCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    private final List<String> secrets = new ArrayList<>(List.of(UNKNOWN_ID));
    private final List<Device> browsers = new ArrayList<>();
    private int addresses;

    @Test
    void rateLimitsTheApiAndTheVoteDefencesLogNothingThatOpensABallot(CapturedOutput output) {
        pages();
        api();

        List<String> deviceTokens = browsers.stream()
                .map(browser -> browser.cookie("oponn_device"))
                .filter(token -> token != null)
                .distinct()
                .toList();
        assertThat(deviceTokens).as("the vote pages issued devices").hasSizeGreaterThanOrEqualTo(8);
        secrets.addAll(deviceTokens);
        String logs = output.getOut() + output.getErr();
        assertThat(logs)
                .as("the run reached the paths it is about")
                .contains("http.slow_down", "http.not_found", "api.failed", "vote.rejected");
        for (String secret : secrets) {
            assertThat(logs).as("logged: %s", secret).doesNotContain(secret);
        }
    }

    private void pages() {
        Device creator = device();
        String plain = Flows.createBallot(creator, "Pages?", "yes, no", true);
        String manage = Flows.manageLink(creator, plain);
        secrets.add(plain);
        secrets.add(manage.substring(manage.lastIndexOf('/') + 1));
        String capped = Flows.createBallotWith(
                creator, "measure", "Capped?", "options_raw", "a, b", "duration_mins", "0", "per_address_cap", "1");
        secrets.add(capped);
        assertThat(creator.post("/create", "measure", "Third?", "options_raw", "a, b", "duration_mins", "0")
                        .status())
                .as("the third creation in an hour")
                .isEqualTo(429);
        String challenged = Flows.createBallotWith(
                device(), "measure", "Prove it?", "options_raw", "a, b", "duration_mins", "0", "vote_challenge", "on");
        secrets.add(challenged);

        Device script = device();
        assertThat(script.post("/vote/" + plain, "option_id", "1").status())
                .as("a vote without a device")
                .isEqualTo(400);

        String network = nextAddress();
        assertThat(voteFrom(network, capped, "1").status()).isEqualTo(303);
        Response capRefused = voteFrom(network, capped, "2");
        assertThat(capRefused.html().select("[data-error-for=vote]").text())
                .isEqualTo("This network has reached this ballot's vote limit");
        assertThat(voteFrom(network, capped, "2").status())
                .as("the network's third vote request")
                .isEqualTo(429);

        Device unsolved = remembered(device());
        unsolved.get("/vote/" + challenged);
        assertThat(unsolved.post("/vote/" + challenged, "option_id", "1")
                        .html()
                        .select("[data-error-for=vote]")
                        .text())
                .as("no solution")
                .isEqualTo("This ballot needs JavaScript to vote");
        // Its page and first vote spent its address's two vote requests.
        unsolved.from(nextAddress());
        assertThat(unsolved.post("/vote/" + challenged, "option_id", "1", "challenge", "garbage", "solution", "1")
                        .html()
                        .select("[data-error-for=vote]")
                        .text())
                .startsWith("This vote's proof of work was");

        String hidden = writeIn("hidden-write-in\u202Ephrase-qv7zt");
        Response refusedHidden = Flows.writeIn(remembered(device()), plain, hidden);
        assertThat(refusedHidden
                        .html()
                        .select("[data-error-for=write_in_value]")
                        .text())
                .isEqualTo("Write-ins cannot contain control or direction-override characters");
        assertThat(Flows.writeIn(remembered(device()), plain, writeIn("accepted-write-in-kp3wq"))
                        .status())
                .isEqualTo(303);
        assertThat(Flows.writeIn(remembered(device()), plain, writeIn("write-in-over-the-cap-zr8pn"))
                        .html()
                        .select("[data-error-for=vote]")
                        .text())
                .isEqualTo("This ballot has reached its limit of 1 write-in options");

        Device viewer = device();
        assertThat(viewer.get("/ballots/" + UNKNOWN_ID + "/live-results").status())
                .isNotEqualTo(429);
        assertThat(viewer.get("/ballots/" + plain + "/live-results").status())
                .as("the second stream connect in an hour")
                .isEqualTo(429);
    }

    private void api() {
        ApiClient api = new ApiClient(port);
        String creator = nextAddress();
        ApiClient.Created open = api.create(
                "{\"measure\":\"Api?\",\"options\":[\"A\",\"B\"],\"allow_write_in\":true,\"per_address_cap\":1,"
                        + "\"results_visibility\":\"after_vote\"}");
        secrets.add(open.id());
        secrets.add(open.manageToken());
        // api.create sends no X-Forwarded-For: the proxy's own address is its client, with a budget of its own.
        ApiClient.Created tampered = api.create("{\"measure\":\"Tampered?\",\"options\":[\"A\",\"B\"]}");
        secrets.add(tampered.id());
        secrets.add(tampered.manageToken());
        assertThat(api.post("/api/v1/ballots", "{\"measure\":\"Third?\",\"options\":[\"A\",\"B\"]}")
                        .status())
                .as("the third creation in an hour")
                .isEqualTo(429);
        ApiClient.Reply challengedReply = api.post(
                "/api/v1/ballots",
                "{\"measure\":\"Api proof?\",\"options\":[\"A\",\"B\"],\"vote_challenge\":true}",
                XFF,
                creator);
        assertThat(challengedReply.status()).isEqualTo(201);
        String challenged = challengedReply.json().get("id").asString();
        secrets.add(challenged);
        secrets.add(challengedReply.json().get("manage_token").asString());
        assertThat(api.post("/api/v1/ballots", "{\"measure\": not json", XFF, creator)
                        .status())
                .as("a body that is not JSON")
                .isEqualTo(400);

        assertThat(api.get("/api/v1/ballots/" + UNKNOWN_ID).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/ballots/" + UNKNOWN_ID + "/results").status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/ballots/" + open.id() + "/close", null).status())
                .as("no manage token: the same 404 as for no ballot")
                .isEqualTo(404);
        String wrongToken = (open.manageToken().charAt(0) == 'A' ? "B" : "A")
                + open.manageToken().substring(1);
        secrets.add(wrongToken);
        assertThat(api.post("/api/v1/ballots/" + open.id() + "/close", null, "Authorization", "Bearer " + wrongToken)
                        .status())
                .as("a wrong manage token")
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/ballots/" + open.id(), "Authorization", "Bearer " + tampered.manageToken())
                        .status())
                .as("another ballot's manage token")
                .isEqualTo(404);
        assertThat(api.post("/api/v1/ballots/" + open.id() + "/close", null, "Authorization", "Basic " + wrongToken)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/ballots/" + open.id() + "/results").status())
                .as("results hidden until this device votes")
                .isEqualTo(403);
        assertThat(api.post(
                                "/api/v1/ballots/" + open.id() + "/votes",
                                "{\"write_in\":\"" + "x".repeat(70_000) + "\"}",
                                XFF,
                                nextAddress())
                        .status())
                .as("too large")
                .isEqualTo(413);

        String voter = nextAddress();
        String device = device(api, nextAddress());
        assertThat(api.post(
                                "/api/v1/ballots/" + open.id() + "/votes",
                                "{\"option_ids\":\"one\"}",
                                XFF,
                                voter,
                                "Oponn-Device",
                                device)
                        .status())
                .as("a vote of the wrong shape")
                .isEqualTo(400);
        assertThat(api.post("/api/v1/ballots/" + open.id() + "/votes", "{\"option_ids\":[1]}", XFF, voter)
                        .status())
                .as("a vote without a device")
                .isEqualTo(401);
        assertThat(api.post(
                                "/api/v1/ballots/" + open.id() + "/votes",
                                "{\"option_ids\":[1]}",
                                XFF,
                                voter,
                                "Oponn-Device",
                                device)
                        .status())
                .as("the address's third vote request")
                .isEqualTo(429);

        String network = nextAddress();
        assertThat(api.post(
                                "/api/v1/ballots/" + open.id() + "/votes",
                                "{\"option_ids\":[1]}",
                                XFF,
                                network,
                                "Oponn-Device",
                                device)
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/ballots/" + open.id() + "/votes",
                                "{\"option_ids\":[2]}",
                                XFF,
                                network,
                                "Oponn-Device",
                                device(api, nextAddress()))
                        .status())
                .as("the network's cap")
                .isBetween(400, 499);

        String writer = nextAddress();
        assertThat(api.post(
                                "/api/v1/ballots/" + open.id() + "/votes",
                                "{\"write_in\":\"" + writeIn("api-hidden-write-in\u202Eidea-mw2xk") + "\"}",
                                XFF,
                                writer,
                                "Oponn-Device",
                                device(api, nextAddress()))
                        .status())
                .as("a write-in with a direction override")
                .isBetween(400, 499);
        assertThat(api.post(
                                "/api/v1/ballots/" + open.id() + "/votes",
                                "{\"write_in\":\"" + writeIn("api-accepted-write-in-jb6us") + "\"}",
                                XFF,
                                writer,
                                "Oponn-Device",
                                device(api, nextAddress()))
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/ballots/" + open.id() + "/votes",
                                "{\"write_in\":\"" + writeIn("api-write-in-over-the-cap-hn4yt") + "\"}",
                                XFF,
                                nextAddress(),
                                "Oponn-Device",
                                device(api, nextAddress()))
                        .status())
                .as("a write-in past the ballot's cap")
                .isEqualTo(409);

        String solver = nextAddress();
        assertThat(api.post(
                                "/api/v1/ballots/" + challenged + "/votes",
                                "{\"option_ids\":[1]}",
                                XFF,
                                solver,
                                "Oponn-Device",
                                device(api, nextAddress()))
                        .status())
                .as("no challenge")
                .isBetween(400, 499);
        assertThat(api.post(
                                "/api/v1/ballots/" + challenged + "/votes",
                                "{\"option_ids\":[1],\"challenge\":\"forged.1.2.3\",\"solution\":\"0\"}",
                                XFF,
                                solver,
                                "Oponn-Device",
                                device(api, nextAddress()))
                        .status())
                .as("a forged challenge")
                .isBetween(400, 499);

        String devices = nextAddress();
        device(api, devices);
        device(api, devices);
        assertThat(api.post("/api/v1/devices", null, XFF, devices).status())
                .as("the address's third device")
                .isEqualTo(429);

        jdbc.sql("UPDATE ballot SET measure = set_bit(measure, 120, 1 - get_bit(measure, 120)) WHERE id = :id")
                .param("id", tampered.id())
                .update();
        try {
            catalog.refresh(new BallotId(tampered.id()));
        } catch (RuntimeException expected) {
            // Fails closed; the catalog no longer holds it.
        }
        assertThat(api.get("/api/v1/ballots/" + tampered.id()).status())
                .as("fails closed")
                .isEqualTo(500);
    }

    /** A new device of the API, issued to a client at {@code address}; its token is one of the secrets. */
    private String device(ApiClient api, String address) {
        ApiClient.Reply issued = api.post("/api/v1/devices", null, XFF, address);
        assertThat(issued.status()).as("a device for %s", address).isEqualTo(201);
        String token = issued.json().get("device_token").asString();
        secrets.add(token);
        return token;
    }

    /** A browser at an address of its own. */
    /**
     * A vote posted from {@code network} by a device whose vote page (which the vote limit charges too) came from an
     * address of its own, so that the network's two vote requests are all votes.
     */
    private Response voteFrom(String network, String ballot, String option) {
        Device voter = device();
        voter.get("/vote/" + ballot);
        return voter.from(network).post("/vote/" + ballot, "option_id", option);
    }

    private Device device() {
        return remembered(new Device(port).from(nextAddress()));
    }

    /** A browser whose device token, once the vote page has issued one, is one of the secrets. */
    private Device remembered(Device device) {
        browsers.add(device);
        return device;
    }

    /** A write-in's text, and each part of it around a hidden character, are secrets: ballot content. */
    private String writeIn(String text) {
        secrets.add(text);
        secrets.addAll(List.of(text.split("\\p{Cf}")));
        return text;
    }

    private String nextAddress() {
        addresses++;
        return "198.51.100." + addresses;
    }
}
