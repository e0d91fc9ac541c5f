package dev.oponn.vote;

import static dev.oponn.support.Flows.createBallot;
import static dev.oponn.support.Flows.vote;
import static dev.oponn.support.Flows.writeIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.ballot.BallotCatalog;
import dev.oponn.ballot.BallotDraft;
import dev.oponn.ballot.BallotId;
import dev.oponn.ballot.BallotService;
import dev.oponn.support.Device;
import dev.oponn.support.Device.Response;
import dev.oponn.support.OponnTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Voting as the reference describes it, with the database as the only judge of what counts. */
@OponnTest
class VotingTests {

    @LocalServerPort
    int port;

    @Autowired
    BallotService ballots;

    @Autowired
    BallotCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    Device alice;
    Device bob;
    Device carol;

    @BeforeEach
    void devices() {
        alice = new Device(port);
        bob = new Device(port);
        carol = new Device(port);
    }

    @Test
    void fullLifecycleCountsThreeDevicesAndAWriteIn() {
        String id = createBallot(alice, "Team lunch spot?", "tacos, ramen, salad", true);

        assertThat(vote(alice, id, "1").status()).isEqualTo(303);
        assertThat(vote(bob, id, "2").status()).isEqualTo(303);
        assertThat(writeIn(carol, id, "Dumplings").status()).isEqualTo(303);
        Device dave = new Device(port);
        assertThat(writeIn(dave, id, "  dumplings ").status()).isEqualTo(303);

        assertThat(counts(alice.get("/results/" + id).html()))
                .containsExactly(
                        Map.entry("tacos", 1L),
                        Map.entry("ramen", 1L),
                        Map.entry("salad", 0L),
                        Map.entry("Dumplings", 2L));
        Element leader = alice.get("/results/" + id).html().selectFirst(".bar-row.leader");
        assertThat(leader.select(".label").text()).isEqualTo("* Dumplings");
    }

    @Test
    void successfulVoteRedirectsToResultsAndMarksTheDevice() {
        String id = createBallot(alice, "Coffee or tea?", "coffee, tea", false);
        Response voted = vote(bob, id, "2");
        assertThat(voted.status()).isEqualTo(303);
        assertThat(voted.header("Location")).endsWith("/results/" + id);
        assertThat(bob.cookie("voted_" + id)).isEqualTo("1");
        assertThat(bob.cookie("oponn_device")).isNotBlank();
    }

    @Test
    void voteOverHtmxAnswers204WithHxRedirect() {
        String id = createBallot(alice, "Coffee or tea?", "coffee, tea", false);
        bob.getHtmx("/vote/" + id);
        Response voted = bob.postHtmx("/vote/" + id, "option_id", "1");
        assertThat(voted.status()).isEqualTo(204);
        assertThat(voted.header("HX-Redirect")).isEqualTo("/results/" + id);
    }

    @Test
    void votePageListsOptionsAsRadiosWithWriteInWhenAllowed() {
        String id = createBallot(alice, "Best editor?", "vim, emacs", true);
        Document page = bob.get("/vote/" + id).html();
        assertThat(page.select("h1").text()).isEqualTo("> vote_on: Best editor?");
        assertThat(page.select("input[type=radio][name=option_id]").eachAttr("value"))
                .containsExactly("1", "2", "__write_in__");
        assertThat(page.select("input[name=write_in_value]")).hasSize(1);
        assertThat(page.select("#vote-form button[type=submit]").text()).isEqualTo("cast_vote");
        assertThat(page.select("#vote-form button[type=submit]").hasAttr("disabled"))
                .isFalse();

        Response fragment = bob.getHtmx("/vote/" + id);
        assertThat(fragment.body()).doesNotContain("<html").contains("id=\"vote-panel\"");
    }

    @Test
    void votePageHasNoWriteInWhenNotAllowed() {
        String id = createBallot(alice, "Best editor?", "vim, emacs", false);
        Document page = bob.get("/vote/" + id).html();
        assertThat(page.select("input[name=option_id]").eachAttr("value")).containsExactly("1", "2");
        assertThat(page.select("input[name=write_in_value]")).isEmpty();
    }

    @Test
    void secondVoteFromTheSameDeviceIsRefusedAndNotCounted() {
        String id = createBallot(alice, "Coffee or tea?", "coffee, tea", false);
        assertThat(vote(bob, id, "1").status()).isEqualTo(303);

        Response again = vote(bob, id, "2");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.html().select("[data-error-for=vote]").text())
                .isEqualTo("You have already voted on this ballot.");
        assertThat(bob.get("/vote/" + id).html().text()).contains("you_have_already_voted_on_this_ballot");
        assertThat(total(id)).isEqualTo(1);
    }

    @Test
    void clearingTheVotedCookieDoesNotAllowASecondVote() {
        String id = createBallot(alice, "Coffee or tea?", "coffee, tea", false);
        vote(bob, id, "1");
        bob.forgetCookie("voted_" + id);
        assertThat(vote(bob, id, "2").html().select("[data-error-for=vote]").text())
                .isEqualTo("You have already voted on this ballot.");
        assertThat(total(id)).isEqualTo(1);
    }

    @Test
    void forgedDeviceTokenCountsNothingAndTheVotePageIssuesANewDevice() {
        String id = createBallot(alice, "Coffee or tea?", "coffee, tea", false);
        vote(bob, id, "1");
        String token = bob.cookie("oponn_device");
        Device forger = new Device(port);
        String forged = token.substring(0, token.length() - 2) + "xx";
        forger.setCookie("oponn_device", forged);

        Response refused = vote(forger, id, "2");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().select("[data-error-for=device]").text())
                .contains("Open the ballot's vote page to vote");
        assertThat(forger.cookie("oponn_device")).as("the vote mints no device").isEqualTo(forged);
        assertThat(total(id)).isEqualTo(1);

        forger.get("/vote/" + id);
        assertThat(forger.cookie("oponn_device")).isNotEqualTo(forged).isNotEqualTo(token);
        assertThat(vote(forger, id, "2").status()).isEqualTo(303);
        assertThat(total(id)).isEqualTo(2);
    }

    @Test
    void invalidOptionIsRejectedWithTheMessageAndNothingCounted() {
        String id = createBallot(alice, "Coffee or tea?", "coffee, tea", false);
        for (String bad : List.of("7", "0", "abc", "")) {
            Response page = vote(bob, id, bad);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.html().select("[data-error-for=option_id]").text()).isEqualTo("Invalid option selected");
        }
        Response missing = bob.post("/vote/" + id);
        assertThat(missing.html().select("[data-error-for=option_id]").text()).isEqualTo("Invalid option selected");
        assertThat(total(id)).isZero();
    }

    @Test
    void invalidVoteOverHtmxReturnsTheFormFragmentWithTheMessage() {
        String id = createBallot(alice, "Coffee or tea?", "coffee, tea", false);
        bob.getHtmx("/vote/" + id);
        Response fragment = bob.postHtmx("/vote/" + id, "option_id", "9");
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("<html");
        assertThat(fragment.html().select("[data-error-for=option_id]").text()).isEqualTo("Invalid option selected");
    }

    @Test
    void writeInIsRefusedWhenTheBallotDoesNotAllowIt() {
        String id = createBallot(alice, "Coffee or tea?", "coffee, tea", false);
        Response page = writeIn(bob, id, "water");
        assertThat(page.html().select("[data-error-for=option_id]").text())
                .isEqualTo("Write-in votes are not allowed for this ballot");
        assertThat(total(id)).isZero();
    }

    @Test
    void emptyWriteInIsRefusedKeepingTheChoice() {
        String id = createBallot(alice, "Name the cat", "Tom", true);
        Response page = writeIn(bob, id, "   ");
        assertThat(page.html().select("[data-error-for=write_in_value]").text()).isEqualTo("Write-in value required");
        assertThat(page.html().select("input[value=__write_in__]").hasAttr("checked"))
                .isTrue();
        assertThat(total(id)).isZero();
    }

    @Test
    void writeInLongerThan64CharactersIsRefusedKeepingTheText() {
        String id = createBallot(alice, "Name the cat", "Tom", true);
        String tooLong = "z".repeat(65);
        Response page = writeIn(bob, id, tooLong);
        assertThat(page.html().select("[data-error-for=write_in_value]").text()).isEqualTo("at most 64 characters");
        assertThat(page.html().select("input[name=write_in_value]").val()).isEqualTo(tooLong);
        assertThat(total(id)).isZero();
    }

    @Test
    void writeInMatchingAnOptionAfterTrimNfcAndCaseFoldingCountsForThatOption() {
        String id = createBallot(alice, "Favourite café?", "Café Nero, STRASSE", true);
        writeIn(bob, id, "  café nero "); // precomposed é
        writeIn(carol, id, "Cafe\u0301 NERO"); // e + combining acute
        writeIn(new Device(port), id, "straße");

        Map<String, Long> counts = counts(alice.get("/results/" + id).html());
        assertThat(counts).containsExactly(Map.entry("Café Nero", 2L), Map.entry("STRASSE", 1L));
    }

    @Test
    void newWriteInsGetTheNextOptionNumberOfTheirBallot() {
        String first = createBallot(alice, "Name the dog", "Rex", true);
        String second = createBallot(alice, "Name the fish", "Nemo, Dory", true);
        writeIn(bob, first, "Fido");
        writeIn(bob, second, "Bubbles");
        assertThat(bob.get("/vote/" + first)
                        .html()
                        .select("input[name=option_id]")
                        .eachAttr("value"))
                .doesNotContain("__write_in__");
        assertThat(carol.get("/vote/" + first)
                        .html()
                        .select("input[name=option_id]")
                        .eachAttr("value"))
                .containsExactly("1", "2", "__write_in__");
        assertThat(carol.get("/vote/" + second)
                        .html()
                        .select("input[name=option_id]")
                        .eachAttr("value"))
                .containsExactly("1", "2", "3", "__write_in__");
    }

    @Test
    void pendingBallotRefusesVotesWithTheRightMessage() {
        Response created = alice.post(
                "/create",
                "measure",
                "Not yet",
                "options_raw",
                "a, b",
                "start_time_type",
                "scheduled",
                "scheduled_start_time",
                Instant.now().plus(3, ChronoUnit.DAYS).toString(),
                "duration_mins",
                "60");
        String id =
                created.header("Location").substring(created.header("Location").lastIndexOf('/') + 1);
        Response page = vote(bob, id, "1");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("[data-error-for=vote]").text())
                .isEqualTo("Voting has not started for this ballot");
        assertThat(page.html().select(".status").text()).isEqualTo("starts in 2 days");
        assertThat(total(id)).isZero();
    }

    @Test
    void endedBallotRefusesVotesWithTheRightMessage() {
        Instant now = Instant.now();
        String id = ballots.create(new BallotDraft(
                        "Too late",
                        List.of("a", "b"),
                        false,
                        now.minus(2, ChronoUnit.HOURS),
                        now.minus(1, ChronoUnit.HOURS)))
                .id()
                .value();
        Document page = bob.get("/vote/" + id).html();
        assertThat(page.select(".status").text()).isEqualTo("voting closed");
        assertThat(page.select("#vote-form button[type=submit]").hasAttr("disabled"))
                .isTrue();

        Response refused = vote(bob, id, "1");
        assertThat(refused.html().select("[data-error-for=vote]").text()).isEqualTo("Voting has ended for this ballot");
        assertThat(total(id)).isZero();
    }

    @Test
    void databaseRefusesAVoteOnABallotThatEndedEvenWhenTheCacheThinksItIsOpen() {
        String id = createBallot(alice, "Closing soon", "a, b", false);
        assertThat(bob.get("/vote/" + id).html().select(".status").text()).isEqualTo("voting open");
        // Another instance closed it: the row changed, this instance's cached copy did not.
        jdbc.sql(
                        "UPDATE ballot SET ends_at = now() - interval '1 second', starts_at = now() - interval '1 minute' WHERE id = :id")
                .param("id", id)
                .update();
        assertThat(catalog.find(new BallotId(id)).orElseThrow().endsAt()).isNull();

        Response refused = vote(bob, id, "1");
        assertThat(refused.html().select("[data-error-for=vote]").text()).isEqualTo("Voting has ended for this ballot");
        assertThat(total(id)).isZero();
    }

    @Test
    void unknownBallotIsA404PageOnEveryRoute() {
        for (String path : List.of(
                "/vote/AAAAAAAAAAAAAAAAAAAAAA",
                "/results/AAAAAAAAAAAAAAAAAAAAAA",
                "/vote/short",
                "/results/not-a-ballot-id")) {
            Response page = bob.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.html().select("h1").text()).contains("404 not_found");
        }
        Response post = vote(bob, "AAAAAAAAAAAAAAAAAAAAAA", "1");
        assertThat(post.status()).isEqualTo(404);
    }

    @Test
    void resultsPageShowsBarsCountsAndLeaderWithAndWithoutHtmx() {
        String id = createBallot(alice, "Tabs or spaces?", "tabs, spaces", false);
        vote(alice, id, "2");
        vote(bob, id, "2");
        vote(carol, id, "1");

        Document page = bob.get("/results/" + id).html();
        assertThat(page.select("h1").text()).isEqualTo("> results: Tabs or spaces?");
        assertThat(page.select(".bar-row.leader .label").text()).isEqualTo("* spaces");
        assertThat(page.select(".bar-row").get(1).select(".pct").text()).isEqualTo("67%");
        assertThat(page.select("a[href=/vote/" + id + "]").text()).isEqualTo("return_to_voting");

        Response fragment = bob.getHtmx("/results/" + id);
        assertThat(fragment.body()).doesNotContain("<html").contains("results-panel");
        assertThat(counts(fragment.html())).containsExactly(Map.entry("tabs", 1L), Map.entry("spaces", 2L));
    }

    @Test
    void databaseCannotTellWhichDeviceVotedForWhichOption() {
        List<Map<String, Object>> columns = jdbc.sql("""
                        SELECT table_name, string_agg(column_name, ',' ORDER BY column_name) AS columns
                        FROM information_schema.columns WHERE table_schema = 'public' GROUP BY table_name
                        """).query().listOfRows();
        for (Map<String, Object> table : columns) {
            String names = (String) table.get("columns");
            boolean voterSide = names.contains("voter");
            boolean choiceSide = names.contains("option_id") || names.contains("votes");
            assertThat(voterSide && choiceSide)
                    .as("table %s links voters to choices: %s", table.get("table_name"), names)
                    .isFalse();
        }
        assertThat(columns.stream().map(t -> (String) t.get("columns")))
                .noneMatch(c -> c.contains("created_at") && c.contains("voter"));
    }

    @Test
    void voterKeysAreNotTheDeviceTokenAndDifferPerBallot() {
        String first = createBallot(alice, "First one", "a, b", false);
        String second = createBallot(alice, "Second one", "a, b", false);
        vote(bob, first, "1");
        vote(bob, second, "1");
        List<byte[]> keys = jdbc.sql("SELECT voter_key FROM ballot_voter WHERE ballot_id IN (:a, :b)")
                .param("a", first)
                .param("b", second)
                .query(byte[].class)
                .list();
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0)).isNotEqualTo(keys.get(1));
        String device = bob.cookie("oponn_device");
        assertThat(new String(keys.get(0), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(device.substring(0, 22));
    }

    private long total(String id) {
        return jdbc.sql("SELECT coalesce(sum(votes), 0) FROM tally_shard WHERE ballot_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    static Map<String, Long> counts(Document results) {
        return results.select(".bar-row").stream()
                .collect(Collectors.toMap(
                        row -> row.select(".label").text().replaceFirst("^\\* ", ""),
                        row -> Long.parseLong(row.select(".count").text()),
                        (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }
}
