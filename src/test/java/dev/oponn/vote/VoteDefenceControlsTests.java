package dev.oponn.vote;

import static dev.oponn.support.Flows.createBallot;
import static dev.oponn.support.Flows.createBallotWith;
import static dev.oponn.support.Flows.vote;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.platform.LogFingerprints;
import dev.oponn.support.Device;
import dev.oponn.support.Device.Response;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import dev.oponn.vote.VoteChallengeTests.Puzzle;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The owner changes the defences against vote stuffing after creation, on the manage page: the per-network cap
 * (a number, or blank for none) and the proof-of-work challenge (on or off). Every vote already counted stays
 * counted; the change decides only the votes that come after it, also from a vote page opened before it.
 */
@OponnTest
class VoteDefenceControlsTests {

    private static final String AT_CAP = "This network has reached this ballot's vote limit";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LogFingerprints fingerprints;

    @Test
    void aCapLoweredBelowANetworksVotesKeepsThemAndRefusesItsNextUntilRaisedOrTurnedOff() {
        Guest guest = guestBallot("Lower the cap?", "5");
        for (int i = 0; i < 3; i++) {
            assertThat(vote(new Device(port), guest.id, "1").status()).isEqualTo(303);
        }

        Response lowered = guest.owner.post(guest.manage + "/cap", "per_address_cap", "2");
        assertThat(lowered.status()).isEqualTo(303);
        assertThat(lowered.header("Location")).isEqualTo(guest.manage);
        assertThat(cap(guest.id)).isEqualTo(2);
        assertThat(StoredVotes.total(jdbc, guest.id))
                .as("nothing counted is removed")
                .isEqualTo(3);
        Response refused = vote(new Device(port), guest.id, "2");
        assertThat(refused.html().select("[data-error-for=vote]").text()).isEqualTo(AT_CAP);
        Document page = guest.owner.get(guest.manage).html();
        assertThat(page.select("[data-setting=per_address_cap]").text()).isEqualTo("2");
        assertThat(page.select("#manage_per_address_cap").val()).isEqualTo("2");

        assertThat(guest.owner
                        .post(guest.manage + "/cap", "per_address_cap", "4")
                        .status())
                .isEqualTo(303);
        assertThat(vote(new Device(port), guest.id, "2").status())
                .as("raised: room for one")
                .isEqualTo(303);
        assertThat(vote(new Device(port), guest.id, "2")
                        .html()
                        .select("[data-error-for=vote]")
                        .text())
                .isEqualTo(AT_CAP);

        assertThat(guest.owner
                        .post(guest.manage + "/cap", "per_address_cap", " ")
                        .status())
                .isEqualTo(303);
        assertThat(cap(guest.id)).as("blank is no cap").isNull();
        assertThat(vote(new Device(port), guest.id, "1").status()).isEqualTo(303);
        assertThat(vote(new Device(port), guest.id, "1").status()).isEqualTo(303);
        assertThat(StoredVotes.total(jdbc, guest.id)).isEqualTo(6);
        assertThat(guest.owner
                        .get(guest.manage)
                        .html()
                        .select("[data-setting=per_address_cap]")
                        .text())
                .isEqualTo("no limit");
    }

    @Test
    void aCapSetAfterVotesWithoutOneCountsOnlyTheVotesFromThenOn() {
        Guest guest = guestBallot("Cap later?", "");
        assertThat(vote(new Device(port), guest.id, "1").status()).isEqualTo(303);
        assertThat(vote(new Device(port), guest.id, "1").status()).isEqualTo(303);

        assertThat(guest.owner
                        .postHtmx(guest.manage + "/cap", "per_address_cap", "1")
                        .header("HX-Redirect"))
                .isEqualTo(guest.manage);

        assertThat(vote(new Device(port), guest.id, "2").status())
                .as("an uncapped ballot kept no count of the network")
                .isEqualTo(303);
        assertThat(vote(new Device(port), guest.id, "2")
                        .html()
                        .select("[data-error-for=vote]")
                        .text())
                .isEqualTo(AT_CAP);
        assertThat(StoredVotes.total(jdbc, guest.id)).isEqualTo(3);
    }

    @Test
    void aRefusedCapOrChallengeSaysWhyUnderItsFieldAsTheCreateFormDoesAndChangesNothing() {
        Guest guest = guestBallot("Bad defences?", "7");
        for (String bad : new String[] {"0", "-3", "ten", "1.5", "99999999999"}) {
            Response refused = guest.owner.post(guest.manage + "/cap", "per_address_cap", bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.html().select("[data-error-for=per_address_cap]").text())
                    .as(bad)
                    .isEqualTo("Votes per network must be a whole number from 1 to 1000000, or blank for no limit");
            assertThat(refused.html().select("#manage_per_address_cap").val())
                    .as("shown as typed")
                    .isEqualTo(bad);
            assertThat(refused.html().select("[data-setting=per_address_cap]").text())
                    .isEqualTo("7");
        }
        assertThat(guest.owner.post(guest.manage + "/cap").status())
                .as("without the field: blank would turn the cap off, a missing field must not")
                .isEqualTo(400);
        for (String bad : new String[] {"maybe", "", "true"}) {
            Response refused = guest.owner.post(guest.manage + "/challenge", "vote_challenge", bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.html().select("[data-error-for=vote_challenge]").text())
                    .isEqualTo("Choose whether votes need the proof of work: on or off");
        }
        Response htmx = guest.owner.postHtmx(guest.manage + "/cap", "per_address_cap", "ten");
        assertThat(htmx.status()).isEqualTo(400);
        assertThat(htmx.header("HX-Retarget")).isEqualTo("body");

        assertThat(cap(guest.id)).isEqualTo(7);
        assertThat(challenge(guest.id)).isFalse();
    }

    @Test
    void theChallengeTurnedOnRefusesAVoteFromAPageOpenedBeforeWithTheClearMessageAndTheAnswerCarriesThePuzzle() {
        Guest guest = guestBallot("Proof later?", "");
        Device early = new Device(port);
        assertThat(early.get("/vote/" + guest.id)
                        .html()
                        .select("form#vote-form")
                        .attr("data-challenge-salt"))
                .isEmpty();

        assertThat(guest.owner
                        .post(guest.manage + "/challenge", "vote_challenge", "on")
                        .status())
                .isEqualTo(303);
        assertThat(challenge(guest.id)).isTrue();
        assertThat(guest.owner
                        .get(guest.manage)
                        .html()
                        .select("[data-setting=vote_challenge]")
                        .text())
                .isEqualTo("on");

        Response refused = early.post("/vote/" + guest.id, "option_id", "1");
        assertThat(refused.html().select("[data-error-for=vote]").text())
                .isEqualTo("This ballot needs JavaScript to vote");
        assertThat(StoredVotes.total(jdbc, guest.id)).isZero();
        Puzzle puzzle = Puzzle.of(refused.html());
        assertThat(early.post(
                                "/vote/" + guest.id,
                                "option_id",
                                "1",
                                "challenge",
                                puzzle.token(),
                                "solution",
                                puzzle.solve())
                        .status())
                .as("the page it got back can vote")
                .isEqualTo(303);
    }

    @Test
    void theChallengeTurnedOffIgnoresASolutionFromAPageOpenedBeforeAndNeedsNone() {
        Device owner = new Device(port);
        String id = createBallotWith(
                owner, "measure", "Proof off?", "options_raw", "a, b", "duration_mins", "0", "vote_challenge", "on");
        String manage = manageLink(owner, id);
        Device early = new Device(port);
        Puzzle puzzle = Puzzle.of(early.get("/vote/" + id).html());

        assertThat(owner.post(manage + "/challenge", "vote_challenge", "off").status())
                .isEqualTo(303);
        assertThat(early.post("/vote/" + id, "option_id", "1", "challenge", puzzle.token(), "solution", "wrong")
                        .status())
                .as("a solution, even a wrong one, is ignored")
                .isEqualTo(303);
        assertThat(vote(new Device(port), id, "2").status()).isEqualTo(303);
        assertThat(new Device(port)
                        .get("/vote/" + id)
                        .html()
                        .select("form#vote-form")
                        .attr("data-challenge-salt"))
                .isEmpty();
        assertThat(StoredVotes.total(jdbc, id)).isEqualTo(2);
    }

    @Test
    void aSignedInOwnerChangesTheDefencesOnTheirOwnManagePage() {
        Device dana = new Device(port);
        dana.post("/auth/mock-sign-in", "name", "dana");
        dana.get("/");
        String id = createBallot(dana, "Dana's?", "yes, no", false);
        Document page = dana.get("/manage/" + id).html();
        for (String control : new String[] {"cap", "challenge"}) {
            var form = page.selectFirst("form[data-control=" + control + "]");
            assertThat(form).as(control).isNotNull();
            assertThat(form.attr("method")).isEqualTo("post");
            assertThat(form.attr("action")).isEqualTo("/manage/" + id + "/" + control);
            assertThat(form.select("input[name=X-CSRF-Token]").attr("value")).isNotBlank();
        }
        assertThat(page.select("input[name=vote_challenge][value=off]").hasAttr("checked"))
                .isTrue();

        assertThat(dana.post("/manage/" + id + "/cap", "per_address_cap", "12").header("Location"))
                .isEqualTo("/manage/" + id);
        assertThat(dana.post("/manage/" + id + "/challenge", "vote_challenge", "on")
                        .status())
                .isEqualTo(303);
        assertThat(cap(id)).isEqualTo(12);
        assertThat(challenge(id)).isTrue();
        assertThat(dana.get("/manage/" + id)
                        .html()
                        .select("input[name=vote_challenge][value=on]")
                        .hasAttr("checked"))
                .isTrue();
    }

    @Test
    void nobodyButTheOwnerCanChangeTheDefences() {
        Guest guest = guestBallot("Mine to defend?", "3");
        String key = guest.manage.substring(guest.manage.lastIndexOf('/') + 1);
        String wrongKey = (key.charAt(0) == 'A' ? "B" : "A") + key.substring(1);
        Device stranger = new Device(port);
        stranger.get("/");
        assertThat(stranger.post("/manage/" + guest.id + "/" + wrongKey + "/cap", "per_address_cap", "")
                        .status())
                .isEqualTo(404);
        assertThat(stranger.post("/manage/" + guest.id + "/cap", "per_address_cap", "")
                        .status())
                .isEqualTo(404);
        Device mallory = new Device(port);
        mallory.post("/auth/mock-sign-in", "name", "mallory");
        mallory.get("/");
        assertThat(mallory.post("/manage/" + guest.id + "/challenge", "vote_challenge", "on")
                        .status())
                .isEqualTo(404);
        assertThat(guest.owner
                        .postWithoutCsrf(guest.manage + "/cap", "per_address_cap", "")
                        .status())
                .as("without the form's token")
                .isEqualTo(403);
        assertThat(cap(guest.id)).isEqualTo(3);
        assertThat(challenge(guest.id)).isFalse();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void eachChangeIsLoggedByFingerprintWithItsNewValueAndAnUnchangedOneIsNot(CapturedOutput output) {
        Guest guest = guestBallot("Which secret defence wins?", "");
        String fingerprint = "ballot=\"" + fingerprints.ballot(guest.id) + "\"";

        guest.owner.post(guest.manage + "/cap", "per_address_cap", "9");
        guest.owner.post(guest.manage + "/challenge", "vote_challenge", "on");
        int before = output.getAll().length();
        assertThat(guest.owner
                        .post(guest.manage + "/challenge", "vote_challenge", "on")
                        .status())
                .as("unchanged is done")
                .isEqualTo(303);
        guest.owner.post(guest.manage + "/cap", "per_address_cap", "9");
        guest.owner.post(guest.manage + "/cap", "per_address_cap", "");

        String logged = output.getAll();
        assertThat(logged).contains("ballot.cap_changed " + fingerprint + " per_address_cap=\"9\"");
        assertThat(logged).contains("ballot.challenge_changed " + fingerprint + " vote_challenge=\"true\"");
        String after = logged.substring(before);
        assertThat(after).doesNotContain("ballot.challenge_changed");
        assertThat(after).doesNotContain("per_address_cap=\"9\"");
        assertThat(after).contains("ballot.cap_changed " + fingerprint + " per_address_cap=\"off\"");
        String key = guest.manage.substring(guest.manage.lastIndexOf('/') + 1);
        assertThat(logged).doesNotContain(guest.id, key, "Which secret defence wins?");
    }

    private record Guest(Device owner, String id, String manage) {}

    private Guest guestBallot(String measure, String cap) {
        Device owner = new Device(port);
        String id = createBallotWith(
                owner, "measure", measure, "options_raw", "yes, no", "duration_mins", "0", "per_address_cap", cap);
        return new Guest(owner, id, manageLink(owner, id));
    }

    private static String manageLink(Device owner, String id) {
        return Flows.manageLink(owner, id).replaceFirst("^http://[^/]+", "");
    }

    private @Nullable Integer cap(String id) {
        return jdbc.sql("SELECT per_address_cap FROM ballot WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, Integer.class)))
                .single()
                .orElse(null);
    }

    private boolean challenge(String id) {
        return jdbc.sql("SELECT vote_challenge FROM ballot WHERE id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }
}
