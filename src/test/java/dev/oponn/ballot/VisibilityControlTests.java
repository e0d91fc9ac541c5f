package dev.oponn.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.platform.LogFingerprints;
import dev.oponn.support.Device;
import dev.oponn.support.Device.Response;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The results-visibility control of the manage page: a form posting {@code results_visibility} to
 * {@code .../visibility}, for the signed-in owner and for the holder of a guest's manage link; chosen at creation
 * too. A refused value says why and changes nothing; anyone else gets the manage page's 404.
 */
@OponnTest
@ExtendWith(OutputCaptureExtension.class)
class VisibilityControlTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LogFingerprints fingerprints;

    @Test
    void theSignedInOwnerChangesTheVisibilityAndTheChangeIsLoggedByFingerprint(CapturedOutput output) {
        Device owner = signedIn("vera");
        String ballot = Flows.createBallot(owner, "Who sees?", "a, b", false);
        assertThat(stored(ballot)).isEqualTo("live");
        Document page = owner.get("/manage/" + ballot).html();
        assertThat(page.select("form#visibility-form").attr("action")).isEqualTo("/manage/" + ballot + "/visibility");
        assertThat(page.select("form#visibility-form input[name=X-CSRF-Token]")).hasSize(1);
        assertThat(page.select("input[name=results_visibility][checked]").val()).isEqualTo("live");

        Response changed = owner.post("/manage/" + ballot + "/visibility", "results_visibility", "after_close");

        assertThat(changed.status()).isEqualTo(303);
        assertThat(changed.header("Location")).endsWith("/manage/" + ballot);
        assertThat(stored(ballot)).isEqualTo("after_close");
        assertThat(owner.get("/manage/" + ballot)
                        .html()
                        .select("input[name=results_visibility][checked]")
                        .val())
                .isEqualTo("after_close");
        assertThat(new Device(port).get("/results/" + ballot).body())
                .contains("results are hidden until the ballot closes");
        assertThat(output.getAll())
                .contains("ballot.visibility_changed ballot=\"" + fingerprints.ballot(ballot) + "\"")
                .doesNotContain("visibility_changed ballot=\"" + ballot);
    }

    @Test
    void theHolderOfAGuestsManageLinkChangesItAndTheKeyNeverReachesALog(CapturedOutput output) {
        Device guest = new Device(port);
        String ballot = Flows.createBallot(guest, "Guest decides", "a, b", false);
        String path = Flows.manageLink(guest, ballot).replaceFirst("^http://[^/]+", "");
        String key = path.substring(path.lastIndexOf('/') + 1);
        assertThat(guest.get(path).html().select("form#visibility-form").attr("action"))
                .isEqualTo(path + "/visibility");

        Response changed = guest.post(path + "/visibility", "results_visibility", "after_vote");

        assertThat(changed.status()).isEqualTo(303);
        assertThat(stored(ballot)).isEqualTo("after_vote");
        assertThat(new Device(port).get("/results/" + ballot).body()).contains("vote to see the results");
        assertThat(output.getAll()).contains("ballot.visibility_changed").doesNotContain(key);
    }

    @Test
    void aRefusedValueSaysWhyOnTheManagePageAndChangesNothing() {
        Device owner = signedIn("rita");
        String ballot = Flows.createBallot(owner, "Bad value?", "a, b", false);

        for (String bad : new String[] {"secret", "", "LIVE "}) {
            Response refused = owner.post("/manage/" + ballot + "/visibility", "results_visibility", bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.html().select("[data-control-error]").text())
                    .contains("results_visibility must be one of live, after_vote or after_close");
            assertThat(refused.html().select("h1").text()).contains("manage: Bad value?");
        }
        assertThat(owner.post("/manage/" + ballot + "/visibility").status()).isEqualTo(400);
        assertThat(stored(ballot)).isEqualTo("live");
    }

    @Test
    void someoneWithoutOwnershipGetsTheSame404AndChangesNothing() {
        Device owner = signedIn("otto");
        String ballot = Flows.createBallot(owner, "Mine", "a, b", false);
        Device other = signedIn("mallory");

        assertThat(other.post("/manage/" + ballot + "/visibility", "results_visibility", "after_close")
                        .status())
                .isEqualTo(404);
        Device guest = new Device(port);
        guest.get("/create");
        assertThat(guest.post("/manage/" + ballot + "/visibility", "results_visibility", "after_close")
                        .status())
                .isIn(303, 401, 403, 404);
        assertThat(guest.post(
                                "/manage/" + ballot + "/" + "A".repeat(43) + "/visibility",
                                "results_visibility",
                                "after_close")
                        .status())
                .isEqualTo(404);
        assertThat(stored(ballot)).isEqualTo("live");
    }

    @Test
    void theCreateFormSetsTheVisibilityAndRefusesAnUnknownOne() {
        Device owner = new Device(port);
        Response created = owner.post(
                "/create",
                "measure",
                "Chosen at creation",
                "options_raw",
                "a, b",
                "start_time_type",
                "now",
                "duration_mins",
                "0",
                "results_visibility",
                "after_close");
        assertThat(created.status()).isEqualTo(303);
        String ballot =
                created.header("Location").substring(created.header("Location").lastIndexOf('/') + 1);
        assertThat(stored(ballot)).isEqualTo("after_close");
        assertThat(owner.get("/create")
                        .html()
                        .select("select[name=results_visibility] option[selected]")
                        .val())
                .isEqualTo("live");

        Response refused = owner.post(
                "/create",
                "measure",
                "Unknown visibility",
                "options_raw",
                "a, b",
                "start_time_type",
                "now",
                "duration_mins",
                "0",
                "results_visibility",
                "whenever");
        assertThat(refused.status())
                .as("the form comes back, as for any invalid field")
                .isNotEqualTo(303);
        assertThat(refused.html().select("[data-error-for=results_visibility]").text())
                .isEqualTo("one of live, after_vote or after_close");
    }

    private String stored(String ballot) {
        return jdbc.sql("SELECT results_visibility FROM ballot WHERE id = :id")
                .param("id", ballot)
                .query(String.class)
                .single();
    }

    @Test
    void onASignedInBallotAfterVoteShowsTheCountsToTheAccountThatVotedOnAnyDevice() {
        Device guest = new Device(port);
        String ballot = Flows.createBallotWith(
                guest,
                "measure",
                "Members see after voting?",
                "options_raw",
                "a, b",
                "duration_mins",
                "0",
                "who_may_vote",
                "signed_in",
                "results_visibility",
                "after_vote");
        Device voter = signedIn("wanda");
        Device bystander = signedIn("xavier");
        assertThat(Flows.vote(voter, ballot, "1").status()).isEqualTo(303);

        Device sameAccountElsewhere = signedIn("wanda");
        assertThat(voter.get("/results/" + ballot).body()).doesNotContain("vote to see the results");
        assertThat(sameAccountElsewhere.get("/results/" + ballot).body())
                .as("the account voted, whichever device asks")
                .doesNotContain("vote to see the results");
        assertThat(bystander.get("/results/" + ballot).body()).contains("vote to see the results");
    }

    private Device signedIn(String name) {
        Device device = new Device(port);
        assertThat(device.post("/auth/mock-sign-in", "name", name).status()).isEqualTo(303);
        device.get("/");
        return device;
    }
}
