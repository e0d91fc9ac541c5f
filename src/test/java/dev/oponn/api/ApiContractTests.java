package dev.oponn.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * One test per operation at least: its status, headers and body, each reply checked against the OpenAPI document the
 * server itself serves, and the pages' own messages where the API refuses.
 */
@ApiTest
class ApiContractTests {

    @LocalServerPort
    int port;

    ApiClient api;
    OpenApiContract contract;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        contract = new OpenApiContract(api);
    }

    @Test
    void creatingABallotAnswers201WithItsLocationLinksAndTheManageTokenOnce() {
        ApiClient.Reply reply = api.post(
                "/api/v1/ballots",
                "{\"measure\":\"Where shall we eat?\",\"options\":[\"Pizza\",\"Sushi\"],\"duration_mins\":30,"
                        + "\"results_visibility\":\"after_vote\"}");

        assertThat(reply.status()).isEqualTo(201);
        contract.check("POST", "/api/v1/ballots", reply);
        JsonNode body = reply.json();
        String id = body.get("id").asString();
        assertThat(reply.header("Location")).isEqualTo(api.base() + "/api/v1/ballots/" + id);
        assertThat(body.get("status").asString()).isEqualTo("active");
        assertThat(body.get("results_visibility").asString()).isEqualTo("after_vote");
        assertThat(body.get("options").get(1).get("label").asString()).isEqualTo("Sushi");
        assertThat(body.get("vote_url").asString()).isEqualTo(api.base() + "/vote/" + id);
        assertThat(body.get("manage_url").asString())
                .isEqualTo(api.base() + "/manage/" + id + "/"
                        + body.get("manage_token").asString());
        assertThat(api.get("/api/v1/ballots/" + id).json().has("manage_token")).isFalse();
    }

    @Test
    void anInvalidBallotIs422WithTheCreateFormsMessagesPerField() {
        ApiClient.Reply reply = api.post(
                "/api/v1/ballots",
                "{\"measure\":\"Hm\",\"options\":[\"Only one\"],\"duration_mins\":-5,\"results_visibility\":\"never\","
                        + "\"who_may_vote\":\"cats\",\"starts_at\":\"yesterday\"}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        contract.check("POST", "/api/v1/ballots", reply);
        JsonNode errors = reply.json().get("errors");
        assertThat(errors.get("measure").asString()).isEqualTo("at least 3 characters");
        assertThat(errors.get("options").asString()).isEqualTo("at least 2 options when write-ins are disabled");
        assertThat(errors.get("results_visibility").asString()).isEqualTo("one of live, after_vote or after_close");
        assertThat(errors.get("who_may_vote").asString()).isEqualTo("Choose who may vote: anyone or signed_in");
        assertThat(errors.get("starts_at").asString()).isEqualTo("Invalid scheduled start time format");
        assertThat(errors.get("duration_mins").asString()).startsWith("Duration must be between 0 (no end) and");
    }

    @Test
    void aBodyThatIsNotJsonIs400AndEchoesNothing() {
        ApiClient.Reply reply = api.post("/api/v1/ballots", "{\"measure\": <script>");

        assertThat(reply.status()).isEqualTo(400);
        contract.check("POST", "/api/v1/ballots", reply);
        assertThat(reply.body()).doesNotContain("script");
    }

    @Test
    void readingABallotGivesItsDefinitionAndStatusButNeverCounts() {
        String starts = Instant.now()
                .plus(1, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        ApiClient.Created created = api.create("{\"measure\":\"Later vote\",\"options\":[\"A\",\"B\"],\"starts_at\":\""
                + starts + "\",\"duration_mins\":10}");

        ApiClient.Reply reply = api.get("/api/v1/ballots/" + created.id());

        assertThat(reply.status()).isEqualTo(200);
        contract.check("GET", "/api/v1/ballots/{id}", reply);
        JsonNode body = reply.json();
        assertThat(body.get("status").asString()).isEqualTo("pending");
        assertThat(body.get("starts_at").asString()).isEqualTo(starts);
        assertThat(body.get("ends_at").asString())
                .isEqualTo(Instant.parse(starts).plus(10, ChronoUnit.MINUTES).toString());
        assertThat(reply.body()).doesNotContain("votes");
    }

    @Test
    void anUnknownBallotIs404AsAProblemDocument() {
        ApiClient.Reply reply = api.get("/api/v1/ballots/AAAAAAAAAAAAAAAAAAAAAA");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        contract.check("GET", "/api/v1/ballots/{id}", reply);
    }

    @Test
    void aDeviceIsIssuedAsASignedToken() {
        ApiClient.Reply reply = api.post("/api/v1/devices", null);

        assertThat(reply.status()).isEqualTo(201);
        contract.check("POST", "/api/v1/devices", reply);
        assertThat(reply.json().get("device_token").asString()).matches("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{22}");
    }

    @Test
    void aVoteIsCountedOncePerDeviceAndTheSecondIs409WithThePagesMessage() {
        ApiClient.Created ballot = api.createActive("Pizza", "Sushi");
        String device = api.device();

        ApiClient.Reply counted = api.vote(ballot.id(), device, "{\"option_ids\":[2]}");
        ApiClient.Reply again = api.vote(ballot.id(), device, "{\"option_ids\":[1]}");

        assertThat(counted.status()).isEqualTo(201);
        contract.check("POST", "/api/v1/ballots/{id}/votes", counted);
        assertThat(again.status()).isEqualTo(409);
        contract.check("POST", "/api/v1/ballots/{id}/votes", again);
        assertThat(again.json().get("detail").asString()).isEqualTo("You have already voted on this ballot.");
        assertThat(again.json().get("reason").asString()).isEqualTo("already_voted");
        JsonNode results =
                api.get("/api/v1/ballots/" + ballot.id() + "/results").json();
        assertThat(results.get("options").get(1).get("votes").asLong()).isEqualTo(1);
        assertThat(results.get("total_votes").asLong()).isEqualTo(1);
    }

    @Test
    void aWriteInIsCountedAsANewOption() {
        ApiClient.Created ballot = api.create(
                "{\"measure\":\"Lunch?\",\"options\":[\"Pizza\"],\"allow_write_in\":true,\"duration_mins\":0}");

        ApiClient.Reply reply = api.vote(ballot.id(), api.device(), "{\"write_in\":\"Curry\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode options = api.get("/api/v1/ballots/" + ballot.id()).json().get("options");
        assertThat(options.get(1).get("label").asString()).isEqualTo("Curry");
        assertThat(options.get(1).get("write_in").asBoolean()).isTrue();
    }

    @Test
    void aVoteWithoutADeviceIs401AndCountsNothing() {
        ApiClient.Created ballot = api.createActive("Pizza", "Sushi");

        ApiClient.Reply none = api.post("/api/v1/ballots/" + ballot.id() + "/votes", "{\"option_ids\":[1]}");
        ApiClient.Reply forged =
                api.vote(ballot.id(), "AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA", "{\"option_ids\":[1]}");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Oponn-Device");
        contract.check("POST", "/api/v1/ballots/{id}/votes", none);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(api.get("/api/v1/ballots/" + ballot.id() + "/results")
                        .json()
                        .get("total_votes")
                        .asLong())
                .isZero();
    }

    @Test
    void anInvalidVoteIs422WithTheVoteFormsMessage() {
        ApiClient.Created ballot = api.createActive("Pizza", "Sushi");
        String device = api.device();

        ApiClient.Reply unknown = api.vote(ballot.id(), device, "{\"option_ids\":[9]}");
        ApiClient.Reply two = api.vote(ballot.id(), device, "{\"option_ids\":[1,2]}");
        ApiClient.Reply writeIn = api.vote(ballot.id(), device, "{\"write_in\":\"Curry\"}");

        assertThat(unknown.status()).isEqualTo(422);
        contract.check("POST", "/api/v1/ballots/{id}/votes", unknown);
        assertThat(unknown.json().get("errors").get("option_ids").asString()).isEqualTo("Invalid option selected");
        assertThat(two.json().get("errors").get("vote").asString())
                .isEqualTo("This ballot is counted by single voting: pick one option");
        assertThat(writeIn.json().get("errors").get("option_ids").asString())
                .isEqualTo("Write-in votes are not allowed for this ballot");
        assertThat(api.vote(ballot.id(), device, "{\"option_ids\":[1]}").status())
                .as("refused votes used up nothing")
                .isEqualTo(201);
    }

    @Test
    void votesOnAPendingOrEndedBallotAre409WithThePagesMessage() {
        String starts = Instant.now().plus(1, ChronoUnit.HOURS).toString();
        ApiClient.Created pending =
                api.create("{\"measure\":\"Later vote\",\"options\":[\"A\",\"B\"],\"starts_at\":\"" + starts + "\"}");
        ApiClient.Created ended = api.createActive("A", "B");
        api.post("/api/v1/ballots/" + ended.id() + "/close", null, ended.owner());

        ApiClient.Reply early = api.vote(pending.id(), api.device(), "{\"option_ids\":[1]}");
        ApiClient.Reply late = api.vote(ended.id(), api.device(), "{\"option_ids\":[1]}");

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).isEqualTo("Voting has not started for this ballot");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asString()).isEqualTo("Voting has ended for this ballot");
        contract.check("POST", "/api/v1/ballots/{id}/votes", late);
    }

    @Test
    void aBallotWithProofOfWorkTakesASolvedChallengeOnceAndRefusesAVoteWithout() {
        ApiClient.Created ballot = api.create(
                "{\"measure\":\"Guarded\",\"options\":[\"A\",\"B\"],\"duration_mins\":0,\"vote_challenge\":true}");
        String device = api.device();

        ApiClient.Reply without = api.vote(ballot.id(), device, "{\"option_ids\":[1]}");
        ApiClient.Reply issued = api.post("/api/v1/ballots/" + ballot.id() + "/challenges", null);
        JsonNode challenge = issued.json();
        String solution = solve(
                challenge.get("salt").asString(),
                Long.parseUnsignedLong(challenge.get("target").asString()));
        String vote = "{\"option_ids\":[1],\"challenge\":\""
                + challenge.get("challenge").asString() + "\",\"solution\":\"" + solution + "\"}";
        ApiClient.Reply counted = api.vote(ballot.id(), device, vote);
        ApiClient.Reply replayed = api.vote(ballot.id(), api.device(), vote);

        assertThat(without.status()).isEqualTo(403);
        assertThat(without.json().get("detail").asString()).isEqualTo("This ballot needs JavaScript to vote");
        contract.check("POST", "/api/v1/ballots/{id}/votes", without);
        assertThat(issued.status()).isEqualTo(201);
        contract.check("POST", "/api/v1/ballots/{id}/challenges", issued);
        assertThat(counted.status()).isEqualTo(201);
        assertThat(replayed.status()).isEqualTo(403);
        assertThat(replayed.json().get("reason").asString()).isEqualTo("challenge");
    }

    @Test
    void aBallotWithoutProofOfWorkHasNoChallengeToGive() {
        ApiClient.Created ballot = api.createActive("A", "B");

        ApiClient.Reply reply = api.post("/api/v1/ballots/" + ballot.id() + "/challenges", null);

        assertThat(reply.status()).isEqualTo(409);
        contract.check("POST", "/api/v1/ballots/{id}/challenges", reply);
    }

    @Test
    void resultsHiddenUntilCloseAre403WithWhenTheyWillShowButTheOwnerSeesThem() {
        ApiClient.Created ballot = api.create(
                "{\"measure\":\"Secret\",\"options\":[\"A\",\"B\"],\"duration_mins\":0,\"results_visibility\":\"after_close\"}");
        api.vote(ballot.id(), api.device(), "{\"option_ids\":[1]}");

        ApiClient.Reply hidden = api.get("/api/v1/ballots/" + ballot.id() + "/results");
        ApiClient.Reply owner = api.get("/api/v1/ballots/" + ballot.id() + "/results", ballot.owner());

        assertThat(hidden.status()).isEqualTo(403);
        contract.check("GET", "/api/v1/ballots/{id}/results", hidden);
        assertThat(hidden.json().get("detail").asString()).isEqualTo("results are hidden until the ballot closes");
        assertThat(hidden.body()).doesNotContain("total");
        assertThat(owner.status()).isEqualTo(200);
        contract.check("GET", "/api/v1/ballots/{id}/results", owner);
        assertThat(owner.json().get("tally_version").asLong()).isEqualTo(1);
    }

    @Test
    void resultsAfterVoteShowToTheDeviceThatVoted() {
        ApiClient.Created ballot = api.create(
                "{\"measure\":\"After vote\",\"options\":[\"A\",\"B\"],\"duration_mins\":0,\"results_visibility\":\"after_vote\"}");
        String voter = api.device();
        String path = "/api/v1/ballots/" + ballot.id() + "/results";

        assertThat(api.get(path, "Oponn-Device", voter).status()).isEqualTo(403);
        api.vote(ballot.id(), voter, "{\"option_ids\":[2]}");

        assertThat(api.get(path, "Oponn-Device", voter).status()).isEqualTo(200);
        assertThat(api.get(path, "Oponn-Device", api.device())
                        .json()
                        .get("detail")
                        .asString())
                .isEqualTo("vote to see the results");
    }

    @Test
    void theOwnerClosesAndAClosedBallotRefusesToCloseAgainWithThePagesMessage() {
        ApiClient.Created ballot = api.createActive("A", "B");
        String path = "/api/v1/ballots/" + ballot.id() + "/close";

        ApiClient.Reply closed = api.post(path, null, ballot.owner());
        ApiClient.Reply again = api.post(path, null, ballot.owner());

        assertThat(closed.status()).isEqualTo(200);
        contract.check("POST", "/api/v1/ballots/{id}/{control}", closed);
        assertThat(closed.json().get("status").asString()).isEqualTo("ended");
        assertThat(again.status()).isEqualTo(409);
        contract.check("POST", "/api/v1/ballots/{id}/{control}", again);
        assertThat(again.json().get("detail").asString()).isEqualTo("This ballot has already ended");
    }

    @Test
    void reopenExtendStartVisibilityAndVotersTakeThePagesValuesAndMessages() {
        ApiClient.Created ballot = api.createActive("A", "B");
        String base = "/api/v1/ballots/" + ballot.id();

        ApiClient.Reply badMinutes = api.post(base + "/extend", "{\"duration_mins\":0}", ballot.owner());
        ApiClient.Reply extended = api.post(base + "/extend", "{\"duration_mins\":30}", ballot.owner());
        ApiClient.Reply started = api.post(base + "/start", null, ballot.owner());
        ApiClient.Reply hidden =
                api.post(base + "/visibility", "{\"results_visibility\":\"after_close\"}", ballot.owner());
        ApiClient.Reply badVisibility =
                api.post(base + "/visibility", "{\"results_visibility\":\"soon\"}", ballot.owner());
        ApiClient.Reply voters = api.post(base + "/voters", "{\"who_may_vote\":\"signed_in\"}", ballot.owner());
        api.post(base + "/close", null, ballot.owner());
        ApiClient.Reply reopened = api.post(base + "/reopen", "{\"duration_mins\":0}", ballot.owner());

        assertThat(badMinutes.status()).isEqualTo(422);
        contract.check("POST", "/api/v1/ballots/{id}/{control}", badMinutes);
        assertThat(badMinutes.json().get("errors").get("duration_mins").asString())
                .startsWith("Duration must be a whole number of minutes from 1 to");
        assertThat(extended.status()).isEqualTo(200);
        assertThat(extended.json().has("ends_at")).isTrue();
        assertThat(started.status()).isEqualTo(409);
        assertThat(started.json().get("detail").asString()).isEqualTo("This ballot has already started");
        assertThat(hidden.json().get("results_visibility").asString()).isEqualTo("after_close");
        assertThat(badVisibility.json().get("errors").get("results_visibility").asString())
                .isEqualTo("results_visibility must be one of live, after_vote or after_close; nothing was changed.");
        assertThat(voters.json().get("who_may_vote").asString()).isEqualTo("signed_in");
        assertThat(reopened.status()).isEqualTo(200);
        assertThat(reopened.json().get("status").asString()).isEqualTo("active");
        assertThat(reopened.json().has("ends_at")).isFalse();
    }

    @Test
    void capAndChallengeTakeThePagesValuesAndMessagesAndAForgottenCapTurnsNothingOff() {
        ApiClient.Created ballot = api.create(
                "{\"measure\":\"Guarded?\",\"options\":[\"A\",\"B\"],\"duration_mins\":0,\"per_address_cap\":5}");
        ApiClient.Created other = api.createActive("C", "D");
        String base = "/api/v1/ballots/" + ballot.id();
        assertThat(api.vote(ballot.id(), api.device(), "{\"option_ids\":[1]}").status())
                .isEqualTo(201);
        assertThat(api.vote(ballot.id(), api.device(), "{\"option_ids\":[1]}").status())
                .isEqualTo(201);

        ApiClient.Reply lowered = api.post(base + "/cap", "{\"per_address_cap\":2}", ballot.owner());
        ApiClient.Reply refusedVote = api.vote(ballot.id(), api.device(), "{\"option_ids\":[2]}");
        ApiClient.Reply forgotten = api.post(base + "/cap", "{}", ballot.owner());
        ApiClient.Reply zero = api.post(base + "/cap", "{\"per_address_cap\":0}", ballot.owner());
        ApiClient.Reply text = api.post(base + "/cap", "{\"per_address_cap\":\"ten\"}", ballot.owner());
        ApiClient.Reply fraction = api.post(base + "/cap", "{\"per_address_cap\":1.5}", ballot.owner());
        ApiClient.Reply notTheOwner = api.post(base + "/cap", "{\"per_address_cap\":null}", other.owner());
        ApiClient.Reply capAfterRefusals = api.get(base);
        ApiClient.Reply off = api.post(base + "/cap", "{\"per_address_cap\":null}", ballot.owner());
        ApiClient.Reply counted = api.vote(ballot.id(), api.device(), "{\"option_ids\":[2]}");
        ApiClient.Reply challengeOn = api.post(base + "/challenge", "{\"vote_challenge\":true}", ballot.owner());
        ApiClient.Reply challengeForgotten = api.post(base + "/challenge", null, ballot.owner());

        assertThat(lowered.status()).isEqualTo(200);
        contract.check("POST", "/api/v1/ballots/{id}/{control}", lowered);
        assertThat(lowered.json().get("per_address_cap").asInt()).isEqualTo(2);
        assertThat(refusedVote.status()).as(refusedVote.body()).isEqualTo(409);
        assertThat(refusedVote.json().get("detail").asString())
                .isEqualTo("This network has reached this ballot's vote limit");
        for (ApiClient.Reply bad : new ApiClient.Reply[] {forgotten, zero, text, fraction}) {
            assertThat(bad.status()).as(bad.body()).isEqualTo(422);
            contract.check("POST", "/api/v1/ballots/{id}/{control}", bad);
            assertThat(bad.json().get("errors").get("per_address_cap").asString())
                    .isEqualTo("Votes per network must be a whole number from 1 to 1000000, or blank for no limit");
        }
        assertThat(notTheOwner.status()).isEqualTo(404);
        assertThat(capAfterRefusals.json().get("per_address_cap").asInt())
                .as("nothing changed")
                .isEqualTo(2);
        assertThat(off.status()).isEqualTo(200);
        contract.check("POST", "/api/v1/ballots/{id}/{control}", off);
        JsonNode offCap = off.json().get("per_address_cap");
        assertThat(offCap == null || offCap.isNull()).as(off.body()).isTrue();
        assertThat(counted.status()).as("no cap: the network votes again").isEqualTo(201);
        assertThat(challengeOn.status()).isEqualTo(200);
        assertThat(challengeOn.json().get("vote_challenge").asBoolean()).isTrue();
        assertThat(challengeForgotten.status()).isEqualTo(422);
        assertThat(challengeForgotten.json().get("errors").get("vote_challenge").asString())
                .isEqualTo("Choose whether votes need the proof of work: on or off");
        JsonNode control = contract.document().at("/components/schemas/Control/properties");
        assertThat(control.at("/per_address_cap/maximum").asInt())
                .as("the document states the page's rule")
                .isEqualTo(1_000_000);
        assertThat(control.at("/per_address_cap/type").toString()).contains("integer", "null");
        assertThat(control.at("/vote_challenge/type").asString()).isEqualTo("boolean");
        assertThat(contract.document()
                        .at("/paths/~1api~1v1~1ballots~1{id}~1{control}/post/parameters")
                        .toString())
                .contains("\"cap\"", "\"challenge\"");
        ApiClient.Reply unsolved = api.vote(ballot.id(), api.device(), "{\"option_ids\":[1]}");
        assertThat(unsolved.status()).as(unsolved.body()).isIn(400, 403, 409, 422);
        assertThat(api.get(base + "/results", ballot.owner()).json().toString())
                .as("the ballot's counts: 2 before the cap was lowered, 1 after it was turned off")
                .contains("\"votes\":2", "\"votes\":1");
    }

    @Test
    void ownerOperationsAre404WithoutOwnershipAndChangeNothing() {
        ApiClient.Created ballot = api.createActive("A", "B");
        ApiClient.Created other = api.createActive("C", "D");
        String base = "/api/v1/ballots/" + ballot.id();

        ApiClient.Reply anonymous = api.post(base + "/close", null);
        ApiClient.Reply wrongKey = api.post(base + "/close", null, other.owner());
        ApiClient.Reply deleteAnonymous = api.delete(base);
        ApiClient.Reply export = api.get(base + "/export", other.owner());

        assertThat(anonymous.status()).isEqualTo(404);
        contract.check("POST", "/api/v1/ballots/{id}/{control}", anonymous);
        assertThat(wrongKey.status()).isEqualTo(404);
        assertThat(deleteAnonymous.status()).isEqualTo(404);
        contract.check("DELETE", "/api/v1/ballots/{id}", deleteAnonymous);
        assertThat(export.status()).isEqualTo(404);
        assertThat(api.get(base).json().get("status").asString()).isEqualTo("active");
    }

    @Test
    void deletingABallotAnswers204AndThenEveryRouteOfIt404() {
        ApiClient.Created ballot = api.createActive("A", "B");
        String base = "/api/v1/ballots/" + ballot.id();

        ApiClient.Reply deleted = api.delete(base, ballot.owner());

        assertThat(deleted.status()).isEqualTo(204);
        contract.check("DELETE", "/api/v1/ballots/{id}", deleted);
        assertThat(api.get(base).status()).isEqualTo(404);
        assertThat(api.get(base + "/results").status()).isEqualTo(404);
        assertThat(api.delete(base, ballot.owner()).status()).isEqualTo(404);
    }

    @Test
    void theOwnerExportsTheTallyAsJsonOrCsv() {
        ApiClient.Created ballot = api.createActive("Pizza", "Sushi");
        api.vote(ballot.id(), api.device(), "{\"option_ids\":[1]}");
        String path = "/api/v1/ballots/" + ballot.id() + "/export";

        ApiClient.Reply json = api.get(path, ballot.owner());
        ApiClient.Reply csv = api.get(path + "?format=csv", ballot.owner());

        assertThat(json.status()).isEqualTo(200);
        contract.check("GET", "/api/v1/ballots/{id}/export", json);
        assertThat(json.json().get("totalVotes").asLong()).isEqualTo(1);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        contract.check("GET", "/api/v1/ballots/{id}/export", csv);
        assertThat(csv.body()).startsWith("option,votes,percent\r\nPizza,1,100.0\r\n");
    }

    @Test
    void aMultipleChoiceBallotTakesSeveralIdsUpToItsMaxChoices() {
        ApiClient.Reply created = api.post(
                "/api/v1/ballots",
                "{\"measure\":\"Toppings\",\"options\":[\"Ham\",\"Olives\",\"Basil\"],\"duration_mins\":0,"
                        + "\"voting_method\":\"multiple\",\"max_choices\":2}");
        String id = created.json().get("id").asString();

        ApiClient.Reply counted = api.vote(id, api.device(), "{\"option_ids\":[1,3]}");
        ApiClient.Reply tooMany = api.vote(id, api.device(), "{\"option_ids\":[1,2,3]}");
        ApiClient.Reply ranking = api.vote(id, api.device(), "{\"ranking\":[1,2]}");

        assertThat(created.status()).isEqualTo(201);
        contract.check("POST", "/api/v1/ballots", created);
        assertThat(created.json().get("voting_method").asString()).isEqualTo("multiple");
        assertThat(created.json().get("max_choices").asInt()).isEqualTo(2);
        assertThat(counted.status()).isEqualTo(201);
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().get("errors").get("option_ids").asString()).isEqualTo("Pick at most 2 options");
        assertThat(ranking.json().get("errors").get("vote").asString())
                .startsWith("This ballot is counted by multiple voting");
        ApiClient.Reply results = api.get("/api/v1/ballots/" + id + "/results");
        contract.check("GET", "/api/v1/ballots/{id}/results", results);
        assertThat(results.json().get("options").get(2).get("votes").asLong()).isEqualTo(1);
        assertThat(results.json().get("total_votes").asLong()).isEqualTo(1);
    }

    @Test
    void aRankedBallotTakesARankingAndItsResultsHaveTheRunoffRounds() {
        String id = api.post(
                        "/api/v1/ballots",
                        "{\"measure\":\"Chair\",\"options\":[\"Ada\",\"Bo\",\"Cy\"],\"duration_mins\":0,"
                                + "\"voting_method\":\"ranked\"}")
                .json()
                .get("id")
                .asString();
        // First preferences Ada 2, Bo 2, Cy 1: Cy is eliminated and its ballot moves to Bo, who then has 3 of 5.
        for (String ranking : new String[] {"[2]", "[2]", "[1,2]", "[3,2]", "[1]"}) {
            assertThat(api.vote(id, api.device(), "{\"ranking\":" + ranking + "}")
                            .status())
                    .isEqualTo(201);
        }
        ApiClient.Reply twice = api.vote(id, api.device(), "{\"ranking\":[1,1]}");

        ApiClient.Reply results = api.get("/api/v1/ballots/" + id + "/results");

        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.json().get("errors").get("ranking").asString())
                .isEqualTo("Each option can be ranked only once");
        assertThat(results.status()).isEqualTo(200);
        contract.check("GET", "/api/v1/ballots/{id}/results", results);
        JsonNode body = results.json();
        assertThat(body.get("voting_method").asString()).isEqualTo("ranked");
        assertThat(body.get("total_votes").asLong()).isEqualTo(5);
        assertThat(body.get("rounds").size()).isEqualTo(2);
        assertThat(body.get("rounds").get(0).get("continuing").asLong()).isEqualTo(5);
        assertThat(body.get("rounds").get(0).get("eliminated").get(0).asInt()).isEqualTo(3);
        assertThat(body.get("winner").asInt()).isEqualTo(2);
    }

    @Test
    void aScoreBallotTakesStarsPerOption() {
        String id = api.post(
                        "/api/v1/ballots",
                        "{\"measure\":\"Films\",\"options\":[\"Alien\",\"Brazil\"],\"duration_mins\":0,"
                                + "\"voting_method\":\"score\"}")
                .json()
                .get("id")
                .asString();

        ApiClient.Reply counted = api.vote(id, api.device(), "{\"scores\":{\"1\":5,\"2\":2}}");
        ApiClient.Reply tooHigh = api.vote(id, api.device(), "{\"scores\":{\"1\":9}}");

        assertThat(counted.status()).isEqualTo(201);
        assertThat(tooHigh.json().get("errors").get("scores").asString())
                .isEqualTo("Scores are whole numbers from 0 to 5");
        ApiClient.Reply results = api.get("/api/v1/ballots/" + id + "/results");
        contract.check("GET", "/api/v1/ballots/{id}/results", results);
        assertThat(results.json().get("stars").get(0).get("total_stars").asLong())
                .isEqualTo(5);
    }

    @Test
    void anEndedBallotsEventsAreItsFinalTallyThenClosedAndHiddenOnesAre403() {
        ApiClient.Created ballot = api.createActive("A", "B");
        api.vote(ballot.id(), api.device(), "{\"option_ids\":[1]}");
        api.post("/api/v1/ballots/" + ballot.id() + "/close", null, ballot.owner());
        ApiClient.Created hidden =
                api.create("{\"measure\":\"Secret\",\"options\":[\"A\",\"B\"],\"results_visibility\":\"after_close\"}");
        String path = "/api/v1/ballots/%s/events";

        // Past the end's grace for votes in flight, the stream answers the final tally at once and closes.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> api.get(path.formatted(ballot.id()), "Accept", "text/event-stream")
                        .body()
                        .contains("closed"));
        ApiClient.Reply ended = api.get(path.formatted(ballot.id()), "Accept", "text/event-stream");
        ApiClient.Reply refused = api.get(path.formatted(hidden.id()), "Accept", "text/event-stream");

        assertThat(ended.status()).isEqualTo(200);
        contract.check("GET", "/api/v1/ballots/{id}/events", ended);
        assertThat(ended.body())
                .startsWith("event: results\nid: 1\ndata: {")
                .endsWith(
                        "event: closed\ndata: {\"status\":\"ended\"}\n\nevent: end\ndata: {\"status\":\"ended\"}\n\n");
        assertThat(refused.status()).isEqualTo(403);
        contract.check("GET", "/api/v1/ballots/{id}/events", refused);
        assertThat(api.get(path.formatted(ballot.id()), "Last-Event-ID", "1").status())
                .isEqualTo(204);
    }

    @Test
    void everyOperationDocumentsItsErrorsAndTheDocumentHasExamples() {
        JsonNode paths = contract.document().get("paths");
        paths.properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    JsonNode responses = operation.getValue().get("responses");
                    assertThat(responses.propertyNames().stream().anyMatch(code -> code.startsWith("4")))
                            .as("%s %s documents its errors", operation.getKey(), path.getKey())
                            .isTrue();
                }));
        assertThat(contract.document()
                        .get("components")
                        .get("responses")
                        .get("Conflict")
                        .toString())
                .contains("\"examples\"");
    }

    private static String solve(String salt, long target) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (long n = 0; ; n++) {
                byte[] hash = sha.digest((salt + n).getBytes(StandardCharsets.UTF_8));
                if (Long.compareUnsigned(ByteBuffer.wrap(hash).getLong(), target) < 0) {
                    return Long.toString(n);
                }
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
