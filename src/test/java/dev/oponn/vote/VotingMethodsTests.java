package dev.oponn.vote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.Device;
import dev.oponn.support.Device.Response;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Multiple choice, approval, ranked and score ballots, created, voted on and counted through HTTP as a browser
 * does, with and without htmx; the database is the judge of what counted.
 */
@OponnTest
class VotingMethodsTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String create(String method, String options, boolean writeIns, String... more) {
        Device owner = new Device(port);
        List<String> fields = new java.util.ArrayList<>(List.of(
                "measure",
                "Which ones?",
                "options_raw",
                options,
                "allow_write_in",
                writeIns ? "on" : "",
                "start_time_type",
                "now",
                "duration_mins",
                "0",
                "voting_method",
                method));
        fields.addAll(List.of(more));
        return Flows.createBallotWith(owner, fields.toArray(String[]::new));
    }

    private Response vote(String ballot, boolean htmx, String... fields) {
        Device device = new Device(port);
        Flows.openVotePage(device, ballot);
        return device.postAll("/vote/" + ballot, htmx, fields);
    }

    private Document results(String ballot) {
        return new Device(port).get("/results/" + ballot).html();
    }

    private static Map<String, String> bars(Document page) {
        return page.select(".bar-row").stream()
                .collect(Collectors.toMap(
                        row -> row.select(".label").text().replace("* ", ""),
                        row -> row.select("[data-count]").text() + " "
                                + row.select(".pct").text(),
                        (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    private long voters(String ballot) {
        return StoredVotes.voters(jdbc, ballot);
    }

    @Test
    void multipleChoiceCountsEachPickAndTheShareOfVoters() {
        String id = create("multiple", "red, green, blue", false, "max_choices", "2");

        assertThat(vote(id, false, "option_id", "1", "option_id", "2").status()).isEqualTo(303);
        assertThat(vote(id, true, "option_id", "2").status()).isEqualTo(204);
        assertThat(vote(id, false, "option_id", "2", "option_id", "3").header("Location"))
                .endsWith("/results/" + id);

        Document page = results(id);
        assertThat(bars(page))
                .containsExactly(Map.entry("red", "1 33%"), Map.entry("green", "3 100%"), Map.entry("blue", "1 33%"));
        assertThat(page.select(".status .total").text()).isEqualTo("3");
        assertThat(page.select("[data-rules]").text()).contains("more than 100%");
    }

    @Test
    void rankedBallotsAreCountedByInstantRunoffWithSchulzeBeside() {
        String id = create("ranked", "alpha, beta, gamma", false);
        assertThat(vote(id, false, "rank_1", "1", "rank_2", "2", "rank_3", "").status())
                .isEqualTo(303);
        assertThat(vote(id, true, "rank_2", "1", "rank_1", "2").status()).isEqualTo(204);
        assertThat(vote(id, false, "ranking", "3,2,1").status()).isEqualTo(303);
        assertThat(vote(id, false, "ranking", "2").status()).isEqualTo(303);

        Document page = results(id);
        assertThat(page.select("[data-winner]").text()).contains("beta");
        assertThat(page.select("[data-rounds] tbody tr[data-option-id=2] td")
                        .first()
                        .text())
                .isEqualTo("2");
        assertThat(page.select("[data-verdict]").text()).contains("beta is the Condorcet winner");
        assertThat(page.select("[data-pairwise]")).isNotEmpty();
        assertThat(page.select("[data-tie-break]").text()).startsWith("tie-break order");
    }

    @Test
    void scoreBallotsShowAveragesAndTheStarRunoff() {
        String id = create("score", "tea, coffee, juice", false);
        assertThat(vote(id, false, "score_1", "5", "score_2", "3").status()).isEqualTo(303);
        assertThat(vote(id, true, "score_1", "1", "score_2", "4", "score_3", "").status())
                .isEqualTo(204);

        Document page = results(id);
        Element tea = page.selectFirst("[data-scores] tr[data-option-id=1]");
        assertThat(tea.select("[data-average]").text()).isEqualTo("3.00");
        assertThat(tea.select("[data-scored-by]").text()).isEqualTo("2");
        assertThat(page.select("[data-runoff]").text())
                .contains("coffee 1, tea 1")
                .contains("tie");
    }

    /** Posts a refused vote (plain and htmx) and returns the message under {@code field}; nothing may count. */
    private String refused(String ballot, String field, String... fields) {
        long before = StoredVotes.total(jdbc, ballot) + contents(ballot);
        Response plain = vote(ballot, false, fields);
        Response htmx = vote(ballot, true, fields);
        assertThat(plain.status()).isEqualTo(200);
        assertThat(htmx.status()).isEqualTo(200);
        assertThat(htmx.body()).doesNotContain("<html");
        String message = plain.html().select("[data-error-for=" + field + "]").text();
        assertThat(htmx.html().select("[data-error-for=" + field + "]").text()).isEqualTo(message);
        assertThat(StoredVotes.total(jdbc, ballot) + contents(ballot))
                .as("nothing counted")
                .isEqualTo(before);
        return message;
    }

    private long contents(String ballot) {
        return jdbc.sql("SELECT coalesce(sum(votes), 0) FROM tally_content WHERE ballot_id = :id")
                .param("id", ballot)
                .query(Long.class)
                .single();
    }

    @Test
    void multipleChoiceRefusesNoneTooManyAndUnknownOptions() {
        String id = create("multiple", "red, green, blue", false, "max_choices", "2");
        assertThat(refused(id, "option_id")).isEqualTo("Pick at least one option");
        assertThat(refused(id, "option_id", "option_id", "1", "option_id", "2", "option_id", "3"))
                .isEqualTo("Pick at most 2 options");
        assertThat(refused(id, "option_id", "option_id", "9")).isEqualTo("Invalid option selected");
        assertThat(refused(id, "option_id", "option_id", "x")).isEqualTo("Invalid option selected");
        assertThat(refused(id, "option_id", "option_id", "__write_in__", "write_in_value", "pink"))
                .isEqualTo("Write-in votes are not allowed for this ballot");
        assertThat(voters(id)).isZero();
    }

    @Test
    void approvalTakesAnyNumberOfOptions() {
        String id = create("approval", "a, b, c", false);
        assertThat(vote(id, false, "option_id", "1", "option_id", "2", "option_id", "3")
                        .status())
                .isEqualTo(303);
        assertThat(refused(id, "option_id")).isEqualTo("Pick at least one option");
        assertThat(bars(results(id))).containsValues("1 100%");
    }

    @Test
    void rankedRefusesGapsRepeatsEmptyRankingsAndUnknownOptions() {
        String id = create("ranked", "alpha, beta, gamma", false);
        assertThat(refused(id, "ranking")).isEqualTo("Rank at least one option");
        assertThat(refused(id, "ranking", "rank_1", "", "rank_2", "")).isEqualTo("Rank at least one option");
        assertThat(refused(id, "ranking", "rank_1", "1", "rank_2", "3"))
                .isEqualTo("Rank 2 is missing: number your choices 1, 2, 3 and so on, without gaps");
        assertThat(refused(id, "ranking", "rank_1", "2")).startsWith("Rank 1 is missing");
        assertThat(refused(id, "ranking", "rank_1", "1", "rank_2", "1"))
                .isEqualTo("Rank 1 is given to more than one option");
        assertThat(refused(id, "ranking", "rank_1", "4")).isEqualTo("Ranks are whole numbers from 1 to 3");
        assertThat(refused(id, "ranking", "rank_1", "first")).isEqualTo("Ranks are whole numbers from 1 to 3");
        assertThat(refused(id, "ranking", "rank_9", "1")).isEqualTo("Invalid option selected");
        assertThat(refused(id, "ranking", "ranking", "1,1")).isEqualTo("Each option can be ranked only once");
        assertThat(refused(id, "ranking", "ranking", "1,7")).isEqualTo("Invalid option selected");
        assertThat(refused(id, "ranking", "ranking", "1,,2")).isEqualTo("Invalid option selected");
        assertThat(voters(id)).isZero();
    }

    @Test
    void scoreRefusesStarsOutOfRangeAndAllZeroBallots() {
        String id = create("score", "tea, coffee", false);
        assertThat(refused(id, "score", "score_1", "6")).isEqualTo("Scores are whole numbers from 0 to 5");
        assertThat(refused(id, "score", "score_1", "-1")).isEqualTo("Scores are whole numbers from 0 to 5");
        assertThat(refused(id, "score", "score_1", "lots")).isEqualTo("Scores are whole numbers from 0 to 5");
        assertThat(refused(id, "score", "score_1", "0", "score_2", "")).isEqualTo("Give at least one option a star");
        assertThat(refused(id, "score", "score_5", "3")).isEqualTo("Invalid option selected");
        assertThat(voters(id)).isZero();
    }

    @Test
    void aRefusedFormKeepsWhatTheVoterMarked() {
        String ranked = create("ranked", "alpha, beta, gamma", false);
        Document form = vote(ranked, false, "rank_1", "1", "rank_3", "3").html();
        assertThat(form.select("select[name=rank_1] option[selected]").val()).isEqualTo("1");
        assertThat(form.select("select[name=rank_3] option[selected]").val()).isEqualTo("3");
        String multiple = create("multiple", "a, b, c", false, "max_choices", "2");
        Document picks = vote(multiple, false, "option_id", "1", "option_id", "2", "option_id", "3")
                .html();
        assertThat(picks.select("input[name=option_id][checked]")).hasSize(3);
    }

    @Test
    void writeInsAreOneMoreOptionForEveryMethod() {
        String multiple = create("multiple", "a, b", true, "max_choices", "3");
        assertThat(vote(multiple, false, "option_id", "1", "option_id", "__write_in__", "write_in_value", "Zed")
                        .status())
                .isEqualTo(303);
        assertThat(vote(multiple, false, "option_id", "__write_in__", "write_in_value", " zed ")
                        .status())
                .isEqualTo(303);
        assertThat(bars(results(multiple))).containsEntry("Zed", "2 100%").containsEntry("a", "1 50%");

        String ranked = create("ranked", "a, b", true);
        assertThat(vote(ranked, false, "rank_write_in", "1", "rank_2", "2", "write_in_value", "Zed")
                        .status())
                .isEqualTo(303);
        assertThat(vote(ranked, true, "ranking", "1,__write_in__", "write_in_value", "zed")
                        .status())
                .isEqualTo(204);
        Document rounds = results(ranked);
        assertThat(rounds.select("[data-rounds] tbody tr[data-option-id=3] th").text())
                .endsWith("Zed");
        assertThat(rounds.select("[data-rounds] tbody tr[data-option-id=3] td")
                        .first()
                        .text())
                .isEqualTo("1");
        assertThat(refused(ranked, "write_in_value", "rank_1", "1", "rank_write_in", "2", "write_in_value", "A"))
                .isEqualTo("Your write-in is a, which you have already ranked");
        assertThat(refused(ranked, "write_in_value", "rank_write_in", "1", "write_in_value", ""))
                .isEqualTo("Write-in value required");

        String score = create("score", "a, b", true);
        assertThat(vote(score, false, "score_1", "2", "score_write_in", "4", "write_in_value", "Zed")
                        .status())
                .isEqualTo(303);
        Element zed = results(score).selectFirst("[data-scores] tr[data-option-id=3]");
        assertThat(zed.select("th").text()).contains("Zed");
        assertThat(zed.select("[data-average]").text()).isEqualTo("4.00");
    }

    @Test
    void aDeviceVotesOnceWhateverTheMethod() {
        for (String method : List.of("multiple", "approval", "ranked", "score")) {
            String id = create(method, "a, b, c", false, "max_choices", "2");
            Device device = new Device(port);
            Flows.openVotePage(device, id);
            String[] ballot = method.equals("ranked")
                    ? new String[] {"rank_1", "1"}
                    : method.equals("score") ? new String[] {"score_1", "3"} : new String[] {"option_id", "1"};
            assertThat(device.postAll("/vote/" + id, false, ballot).status()).isEqualTo(303);
            Response again = device.postAll("/vote/" + id, false, ballot);
            assertThat(again.html().select("[data-error-for=vote]").text())
                    .isEqualTo("You have already voted on this ballot.");
            assertThat(voters(id)).as(method).isEqualTo(1);
            assertThat(StoredVotes.total(jdbc, id) + contents(id)).as(method).isEqualTo(1);
        }
    }

    @Test
    void theCreateFormKeepsTheMethodAndRefusesMaxChoicesOutOfRange() {
        Device owner = new Device(port);
        for (String bad : List.of("1", "4", "", "two")) {
            Response page = owner.post(
                    "/create",
                    "measure",
                    "Pick some",
                    "options_raw",
                    "a, b, c",
                    "voting_method",
                    "multiple",
                    "max_choices",
                    bad);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.html().select("[data-error-for=max_choices]").text())
                    .isEqualTo("Max choices must be a whole number from 2 to 3 (the number of options)");
            assertThat(page.html().select("#voting_method option[selected]").val())
                    .isEqualTo("multiple");
            assertThat(page.html().select("#max_choices").val()).isEqualTo(bad);
        }
        Response htmx = owner.postHtmx("/create", "measure", "x", "options_raw", "a, b", "voting_method", "ranked");
        assertThat(htmx.body()).doesNotContain("<html");
        assertThat(htmx.html().select("#voting_method option[selected]").val()).isEqualTo("ranked");
        String many = String.join(
                ", ",
                java.util.stream.IntStream.rangeClosed(1, 41)
                        .mapToObj(i -> "o" + i)
                        .toList());
        assertThat(owner.post("/create", "measure", "Rank all", "options_raw", many, "voting_method", "ranked")
                        .html()
                        .select("[data-error-for=options_raw]")
                        .text())
                .isEqualTo("at most 40 options for ranked ballots");
        Response unknown = owner.post("/create", "measure", "Pick", "options_raw", "a, b", "voting_method", "borda");
        assertThat(unknown.html().select("[data-error-for=voting_method]").text())
                .isEqualTo("one of single, multiple, approval, ranked or score");
        assertThat(owner.get("/create")
                        .html()
                        .select("#voting_method option[selected]")
                        .val())
                .isEqualTo("single");
    }

    @Test
    void theVoteFormOffersWhatEachMethodPosts() {
        Document multiple = new Device(port)
                .get("/vote/" + create("multiple", "a, b, c", true, "max_choices", "2"))
                .html();
        assertThat(multiple.select("input[type=checkbox][name=option_id]")).hasSize(4);
        assertThat(multiple.select("[data-instructions]").text()).isEqualTo("pick up to 2 options");
        Document ranked =
                new Device(port).get("/vote/" + create("ranked", "a, b", false)).html();
        assertThat(ranked.select("select[name=rank_1] option").eachAttr("value"))
                .containsExactly("", "1", "2");
        Document score =
                new Device(port).get("/vote/" + create("score", "a, b", false)).html();
        assertThat(score.select("select[name=score_2] option").eachAttr("value"))
                .containsExactly("0", "1", "2", "3", "4", "5");
    }

    @Test
    void exportsCarryEachMethodsFigures() throws Exception {
        String ranked = create("ranked", "alpha, beta, gamma", false);
        for (String ranking : List.of("1,2", "1", "2,1", "2", "3,1")) {
            assertThat(vote(ranked, false, "ranking", ranking).status()).isEqualTo(303);
        }
        Device reader = new Device(port);
        String csv = reader.get("/results/" + ranked + "/export.csv").body();
        assertThat(csv)
                .startsWith("option,first_preferences,last_round_votes,eliminated_in_round\r\n"
                        + "alpha,2,3,\r\nbeta,2,2,\r\ngamma,1,1,1\r\n\"#voting_method\",ranked,,\r\n\"#ballots\",5,,\r\n"
                        + "\"#winner\",alpha,,\r\n\"#condorcet_winner\",alpha,,\r\n");
        var json = new tools.jackson.databind.ObjectMapper()
                .readTree(reader.get("/results/" + ranked + "/export.json").body());
        assertThat(json.get("votingMethod").asString()).isEqualTo("ranked");
        assertThat(json.get("totalVotes").asLong()).isEqualTo(5);
        assertThat(json.get("ranked").get("winner").asString()).isEqualTo("alpha");
        assertThat(json.get("ranked").get("rounds")).hasSize(2);
        assertThat(json.get("ranked")
                        .get("rounds")
                        .get(0)
                        .get("eliminated")
                        .get(0)
                        .asString())
                .isEqualTo("gamma");

        String multiple = create("multiple", "a, b", false, "max_choices", "2");
        vote(multiple, false, "option_id", "1", "option_id", "2");
        vote(multiple, false, "option_id", "2");
        assertThat(reader.get("/results/" + multiple + "/export.csv").body())
                .startsWith(
                        "option,votes,percent_of_voters\r\na,1,50.0\r\nb,2,100.0\r\n\"#voting_method\",multiple,\r\n"
                                + "\"#voters\",2,\r\n");

        String score = create("score", "a, b", false);
        vote(score, false, "score_1", "5");
        vote(score, false, "score_1", "2", "score_2", "4");
        vote(score, false, "score_1", "1");
        assertThat(reader.get("/results/" + score + "/export.csv").body())
                .startsWith("option,average_stars,total_stars,scored_by\r\na,2.67,8,3\r\nb,1.33,4,1\r\n");
        var scoreJson = new tools.jackson.databind.ObjectMapper()
                .readTree(reader.get("/results/" + score + "/export.json").body());
        assertThat(scoreJson.get("score").get("runoff").get("winner").asString())
                .isEqualTo("a");
    }

    /** The per-address cap's statements exist for every kind of vote: the second from one network is refused. */
    @Test
    void thePerAddressCapHoldsForEveryMethodAndARefusedVoteWritesNothing() {
        Map<String, String[]> ballots = Map.of(
                "multiple", new String[] {"option_id", "1", "option_id", "2"},
                "ranked", new String[] {"rank_2", "1", "rank_1", "2"},
                "score", new String[] {"score_1", "4"});
        ballots.forEach((method, marks) -> {
            String id = create(method, "a, b", true, "max_choices", "2", "per_address_cap", "1");
            assertThat(vote(id, false, marks).status()).isEqualTo(303);
            Response refused = vote(id, false, marks);
            assertThat(refused.html().select("[data-error-for=vote]").text())
                    .as(method)
                    .isEqualTo("This network has reached this ballot's vote limit");
            String[] withWriteIn = method.equals("multiple")
                    ? new String[] {"option_id", "__write_in__", "write_in_value", "new one"}
                    : method.equals("ranked")
                            ? new String[] {"rank_write_in", "1", "write_in_value", "new one"}
                            : new String[] {"score_write_in", "2", "write_in_value", "new one"};
            assertThat(vote(id, false, withWriteIn)
                            .html()
                            .select("[data-error-for=vote]")
                            .text())
                    .as(method + " write-in")
                    .isEqualTo("This network has reached this ballot's vote limit");
            assertThat(voters(id)).as(method).isEqualTo(1);
            assertThat(StoredVotes.total(jdbc, id) + contents(id))
                    .as(method)
                    .isEqualTo(method.equals("multiple") ? 2 : 1);
        });
    }

    @Test
    void concurrentRankedAndMultipleVotesFromManyDevicesAreEachCountedOnce() throws Exception {
        String ranked = create("ranked", "a, b, c", false);
        String multiple = create("multiple", "a, b, c", false, "max_choices", "2");
        int devices = 40;
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < devices; i++) {
                String order = List.of("1,2,3", "2,3", "3").get(i % 3);
                answers.add(
                        pool.submit(() -> vote(ranked, false, "ranking", order).status()));
                String pick = Integer.toString(1 + i % 3);
                answers.add(pool.submit(() -> vote(multiple, true, "option_id", pick, "option_id", "3")
                        .status()));
            }
            for (var answer : answers) {
                assertThat(answer.get()).isIn(303, 204);
            }
        }
        assertThat(contents(ranked)).isEqualTo(devices);
        assertThat(voters(ranked)).isEqualTo(devices);
        assertThat(voters(multiple)).isEqualTo(devices);
        assertThat(bars(results(multiple)).get("c")).isEqualTo(devices + " 100%");
        Document rounds = results(ranked);
        assertThat(rounds.select("[data-rounds] tbody tr[data-option-id=1] td")
                        .first()
                        .text())
                .isEqualTo("14");
    }

    @Test
    void theOwnersManagePageShowsTheRoundsOfARankedBallot() {
        Device guest = new Device(port);
        String id = Flows.createBallotWith(
                guest,
                "measure",
                "Ranked, managed",
                "options_raw",
                "a, b",
                "start_time_type",
                "now",
                "duration_mins",
                "0",
                "voting_method",
                "ranked",
                "results_visibility",
                "after_close");
        String manage = Flows.manageLink(guest, id).replaceFirst("^http://[^/]+", "");
        assertThat(vote(id, false, "ranking", "2,1").status()).isEqualTo(303);

        Document page = guest.get(manage).html();
        assertThat(page.select("#owner-results [data-rounds] tr[data-option-id=2] td")
                        .first()
                        .text())
                .isEqualTo("1");
        assertThat(page.select("#owner-results [data-winner]").text()).contains("b");
    }

    @Test
    void aSignedInBallotTakesOneRankingPerAccountWhateverTheDevice() {
        Device owner = new Device(port);
        assertThat(owner.post("/auth/mock-sign-in", "name", "ranker").status()).isEqualTo(303);
        owner.get("/"); // the signed-in session's CSRF token
        String id = Flows.createBallotWith(
                owner,
                "measure",
                "Members rank",
                "options_raw",
                "a, b",
                "start_time_type",
                "now",
                "duration_mins",
                "0",
                "voting_method",
                "ranked",
                "who_may_vote",
                "signed_in");
        owner.get("/vote/" + id);
        assertThat(owner.postAll("/vote/" + id, false, "rank_1", "1").status()).isEqualTo(303);
        owner.forgetCookie("oponn_device");
        owner.get("/vote/" + id);
        Response again = owner.postAll("/vote/" + id, false, "rank_2", "1");
        assertThat(again.html().select("[data-error-for=vote]").text())
                .isEqualTo("You have already voted on this ballot.");
        assertThat(contents(id)).isEqualTo(1);
    }
}
