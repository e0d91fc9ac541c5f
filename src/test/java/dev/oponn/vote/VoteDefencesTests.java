package dev.oponn.vote;

import static dev.oponn.support.Flows.createBallot;
import static dev.oponn.support.Flows.createBallotWith;
import static dev.oponn.support.Flows.manageLink;
import static dev.oponn.support.Flows.vote;
import static dev.oponn.support.Flows.writeIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oponn.ballot.BallotId;
import dev.oponn.ballot.BallotService;
import dev.oponn.support.Device;
import dev.oponn.support.Device.Response;
import dev.oponn.support.OponnTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The defences of issue 11 that need no JavaScript: devices come only from the vote page, a cap per network, a
 * limit on write-ins and on what they may contain, and the owner's count of what each refused.
 */
@OponnTest
@TestPropertySource(properties = "oponn.votes.max-write-ins-per-ballot=3")
class VoteDefencesTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    BallotService ballots;

    Device owner;

    @BeforeEach
    void owner() {
        owner = new Device(port);
    }

    @Test
    void aVoteWithoutADeviceCountsNothingAndLinksBackToTheVotePage() {
        String id = createBallot(owner, "Lunch?", "tacos, ramen", false);
        Device script = new Device(port);
        double before = rejected("no_device");

        Response plain = script.post("/vote/" + id, "option_id", "1");
        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.html().select("[data-error-for=device]").text())
                .startsWith("Open the ballot's vote page to vote");
        assertThat(plain.html().select("[data-error-for=device] a").attr("href"))
                .isEqualTo("/vote/" + id);
        assertThat(plain.html().select("h1").text()).as("the whole page").contains("vote_on: Lunch?");
        assertThat(script.cookie("oponn_device")).as("the vote mints no device").isNull();

        Response htmx = script.postHtmx("/vote/" + id, "option_id", "1");
        assertThat(htmx.status()).isEqualTo(400);
        assertThat(htmx.header("HX-Reswap")).isEqualTo("outerHTML");
        assertThat(htmx.html().select("h1")).as("only the fragment").isEmpty();
        assertThat(htmx.html().select("#vote-panel [data-error-for=device] a").attr("href"))
                .isEqualTo("/vote/" + id);

        assertThat(voters(id)).isZero();
        assertThat(total(id)).isZero();
        assertThat(rejected("no_device") - before).isEqualTo(2);
        assertThat(vote(script, id, "1").status()).as("after the vote page").isEqualTo(303);
    }

    @Test
    void aNetworkAtTheBallotsCapIsRefusedWithoutUsingUpTheDevicesVote() {
        String id = createWithCap("Capped?", "2");
        assertThat(vote(new Device(port), id, "1").status()).isEqualTo(303);
        assertThat(writeIn(new Device(port), id, "third way").status()).isEqualTo(303);

        Device third = new Device(port);
        double before = rejected("address_cap");
        Response refused = vote(third, id, "2");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html().select("[data-error-for=vote]").text())
                .isEqualTo("This network has reached this ballot's vote limit");
        Response refusedWriteIn = writeIn(third, id, "fourth way");
        assertThat(refusedWriteIn.html().select("[data-error-for=vote]").text())
                .isEqualTo("This network has reached this ballot's vote limit");
        assertThat(rejected("address_cap") - before).isEqualTo(2);

        assertThat(total(id)).isEqualTo(2);
        assertThat(voters(id)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM ballot_option WHERE ballot_id = :id AND write_in")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .as("the refused write-in added no option")
                .isEqualTo(1);
        assertThat(third.get("/vote/" + id).html().text())
                .as("the refused device has not voted")
                .doesNotContain("you_have_already_voted_on_this_ballot");
        assertThat(jdbc.sql("SELECT votes FROM ballot_address_votes WHERE ballot_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .list())
                .as("one network, counted to its cap and no further")
                .containsExactly(2);
    }

    @Test
    void aSecondVoteFromTheSameDeviceDoesNotUseUpTheNetworksCap() {
        String id = createWithCap("Capped twice?", "2");
        Device device = new Device(port);
        assertThat(vote(device, id, "1").status()).isEqualTo(303);
        assertThat(vote(device, id, "2").html().select("[data-error-for=vote]").text())
                .isEqualTo("You have already voted on this ballot.");
        assertThat(vote(new Device(port), id, "2").status()).isEqualTo(303);
        assertThat(total(id)).isEqualTo(2);
    }

    @Test
    void aBallotWithoutACapCountsEveryDeviceOfOneNetworkAndKeepsNoAddressRows() {
        String id = createWithCap("Classroom?", "");
        for (int i = 0; i < 5; i++) {
            assertThat(vote(new Device(port), id, "1").status()).isEqualTo(303);
        }
        assertThat(total(id)).isEqualTo(5);
        assertThat(jdbc.sql("SELECT count(*) FROM ballot_address_votes WHERE ballot_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theCreateFormRefusesACapThatIsNotAPositiveWholeNumber() {
        long ballotsBefore = ballots();
        for (String bad : new String[] {"0", "-3", "ten", "1.5", "99999999999"}) {
            Response response = owner.post(
                    "/create",
                    "measure",
                    "Bad cap",
                    "options_raw",
                    "a, b",
                    "duration_mins",
                    "0",
                    "per_address_cap",
                    bad);
            assertThat(response.status()).as(bad).isEqualTo(200);
            assertThat(response.html()
                            .select("[data-error-for=per_address_cap]")
                            .text())
                    .as(bad)
                    .startsWith("Votes per network must be a whole number from 1");
            assertThat(response.html().select("#per_address_cap").val()).isEqualTo(bad);
        }
        assertThat(ballots()).isEqualTo(ballotsBefore);
    }

    @Test
    void writeInsStopAtTheLimitWithAClearMessageAndTheRefusedDeviceMayStillVote() {
        String id = createBallot(owner, "Ideas?", "seed", true);
        for (String idea : new String[] {"one", "two", "three"}) {
            assertThat(writeIn(new Device(port), id, idea).status()).isEqualTo(303);
        }
        Device late = new Device(port);
        double before = rejected("write_in_cap");
        Response refused = writeIn(late, id, "four");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html().select("[data-error-for=vote]").text())
                .isEqualTo("This ballot has reached its limit of 3 write-in options");
        assertThat(rejected("write_in_cap") - before).isEqualTo(1);
        assertThat(writeIn(late, id, " TWO ").status())
                .as("a write-in that names an existing option still counts")
                .isEqualTo(303);
        assertThat(jdbc.sql("SELECT count(*) FROM ballot_option WHERE ballot_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
        assertThat(total(id)).isEqualTo(4);
    }

    @Test
    void writeInsWithControlOrDirectionOverrideCharactersAreRefused() {
        String id = createBallot(owner, "Ideas?", "seed", true);
        for (String sneaky : new String[] {"evil\u202Etxt", "bell\u0007", "tab\tbed", "iso\u2066late", "mark\u200F"}) {
            Response refused = writeIn(new Device(port), id, sneaky);
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.html().select("[data-error-for=write_in_value]").text())
                    .as(sneaky)
                    .isEqualTo("Write-ins cannot contain control or direction-override characters");
        }
        assertThat(total(id)).isZero();
        assertThat(voters(id)).isZero();
    }

    @Test
    void theManagePageShowsTheDefencesAndHowManyVotesEachRefused() {
        Device guest = new Device(port);
        String id = createBallotWith(
                guest, "measure", "Watched?", "options_raw", "a, b", "duration_mins", "0", "per_address_cap", "1");
        String manage = manageLink(guest, id).replaceFirst("^http://[^/]+", "");

        new Device(port).post("/vote/" + id, "option_id", "1");
        new Device(port).post("/vote/" + id, "option_id", "1");
        assertThat(vote(new Device(port), id, "1").status()).isEqualTo(303);
        vote(new Device(port), id, "2");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Document shown = guest.get(manage).html();
            assertThat(shown.select("[data-setting=per_address_cap]").text()).isEqualTo("1");
            assertThat(shown.select("[data-setting=vote_challenge]").text()).isEqualTo("off");
            assertThat(shown.select("[data-refused=no_device]").text()).isEqualTo("2");
            assertThat(shown.select("[data-refused=address_cap]").text()).isEqualTo("1");
            assertThat(shown.select("[data-refused=challenge]").text()).isEqualTo("0");
        });
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "SELECT refusals FROM ballot_vote_refusals WHERE ballot_id = :id AND reason = 'no_device'")
                                .param("id", id)
                                .query(Long.class)
                                .optional())
                        .as("written through to the database for every instance")
                        .contains(2L));
    }

    @Test
    void deletingACappedBallotDeletesItsNetworkCountsAndRefusalCounts() {
        String id = createWithCap("Soon gone?", "5");
        assertThat(vote(new Device(port), id, "1").status()).isEqualTo(303);
        assertThat(new Device(port).post("/vote/" + id, "option_id", "1").status())
                .as("no device")
                .isEqualTo(400);
        await().atMost(Duration.ofSeconds(10)).until(() -> rows("ballot_vote_refusals", id) == 1);
        assertThat(rows("ballot_address_votes", id)).isOne();

        assertThat(ballots.delete(new BallotId(id))).isTrue();

        assertThat(rows("ballot_address_votes", id)).as("the network counts").isZero();
        assertThat(rows("ballot_vote_refusals", id)).as("the refusal counts").isZero();
    }

    private long rows(String table, String id) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE ballot_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    private String createWithCap(String measure, String cap) {
        return createBallotWith(
                owner,
                "measure",
                measure,
                "options_raw",
                "a, b",
                "allow_write_in",
                "on",
                "duration_mins",
                "0",
                "per_address_cap",
                cap);
    }

    private long ballots() {
        return jdbc.sql("SELECT count(*) FROM ballot").query(Long.class).single();
    }

    private double rejected(String reason) {
        return meters.get("oponn.votes.rejected")
                .tag("reason", reason)
                .counter()
                .count();
    }

    private long total(String id) {
        return StoredVotes.total(jdbc, id);
    }

    private long voters(String id) {
        return StoredVotes.voters(jdbc, id);
    }
}
