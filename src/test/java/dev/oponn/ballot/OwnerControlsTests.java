package dev.oponn.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.platform.LogFingerprints;
import dev.oponn.support.Device;
import dev.oponn.support.Device.Response;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * The owner controls on the manage page, on the real PostgreSQL: each is a POST form ending in its name, a refusal
 * re-renders the page with the reason and changes nothing, and only the owner may use them.
 */
@OponnTest
class OwnerControlsTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LogFingerprints fingerprints;

    @Test
    void theManagePageOffersEachControlAsAPostFormWithTheCsrfToken() {
        Guest guest = guestBallot("Forms?");
        Document page = guest.owner.get(guest.manage).html();
        for (String control : new String[] {"close", "extend", "voters", "delete"}) {
            var form = page.selectFirst("form[data-control=" + control + "]");
            assertThat(form).as(control).isNotNull();
            assertThat(form.attr("method")).isEqualTo("post");
            assertThat(form.attr("action")).isEqualTo(guest.manage + "/" + control);
            assertThat(form.select("input[name=X-CSRF-Token]").attr("value")).isNotBlank();
        }
    }

    @Test
    void closeEndsVotingAtOnceAndASecondCloseIsRefused() {
        Guest guest = guestBallot("Close me?");
        assertThat(Flows.vote(new Device(port), guest.id, "1").status()).isEqualTo(303);

        Response closed = guest.owner.post(guest.manage + "/close");
        assertThat(closed.status()).isEqualTo(303);
        assertThat(closed.header("Location")).isEqualTo(guest.manage);

        Response late = Flows.vote(new Device(port), guest.id, "2");
        assertThat(late.html().select("[data-error-for=vote]").text()).isEqualTo("Voting has ended for this ballot");
        assertThat(votes(guest.id)).isEqualTo(1);
        assertThat(guest.owner.get(guest.manage).html().select("[data-status]").attr("data-status"))
                .isEqualTo("ended");
        assertThat(new Device(port)
                        .get("/vote/" + guest.id)
                        .html()
                        .select("button[type=submit]")
                        .hasAttr("disabled"))
                .isTrue();

        Instant endedAt = endsAt(guest.id);
        Response again = guest.owner.post(guest.manage + "/close");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.html().select("[data-error-for=control]").text()).isEqualTo("This ballot has already ended");
        assertThat(endsAt(guest.id)).as("nothing changed").isEqualTo(endedAt);
    }

    @Test
    void reopenMakesAnEndedBallotActiveForTheDurationOrWithoutEnd() {
        Guest guest = guestBallot("Reopen?");
        Response early = guest.owner.post(guest.manage + "/reopen", "duration_mins", "30");
        assertThat(early.status()).as("an active ballot cannot be reopened").isEqualTo(409);
        assertThat(early.html().select("[data-error-for=control]").text()).contains("has not ended");

        guest.owner.post(guest.manage + "/close");
        Response bad = guest.owner.post(guest.manage + "/reopen", "duration_mins", "soon");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.html().select("[data-error-for=duration_mins]").text()).contains("whole number of minutes");
        assertThat(guest.owner
                        .post(guest.manage + "/reopen", "duration_mins", "-5")
                        .status())
                .isEqualTo(400);
        assertThat(status(guest.id)).as("a refused reopen changes nothing").isEqualTo("ENDED");

        assertThat(guest.owner
                        .post(guest.manage + "/reopen", "duration_mins", "30")
                        .status())
                .isEqualTo(303);
        assertThat(endsAt(guest.id))
                .isBetween(
                        Instant.now().plus(29, ChronoUnit.MINUTES),
                        Instant.now().plus(31, ChronoUnit.MINUTES));
        assertThat(Flows.vote(new Device(port), guest.id, "1").status()).isEqualTo(303);

        guest.owner.post(guest.manage + "/close");
        assertThat(guest.owner
                        .post(guest.manage + "/reopen", "duration_mins", "0")
                        .status())
                .isEqualTo(303);
        assertThat(endsAt(guest.id)).as("0 is no end").isNull();
        assertThat(guest.owner.get(guest.manage).html().select("[data-status]").text())
                .contains("voting open");
    }

    @Test
    void extendMovesTheEndLaterOrSetsOneAndIsRefusedOnceEnded() {
        Guest guest = guestBallot("Extend?");
        assertThat(guest.owner
                        .post(guest.manage + "/extend", "duration_mins", "0")
                        .status())
                .as("extending by nothing")
                .isEqualTo(400);
        assertThat(endsAt(guest.id)).isNull();

        assertThat(guest.owner
                        .post(guest.manage + "/extend", "duration_mins", "45")
                        .status())
                .isEqualTo(303);
        Instant first = endsAt(guest.id);
        assertThat(first)
                .isBetween(
                        Instant.now().plus(44, ChronoUnit.MINUTES),
                        Instant.now().plus(46, ChronoUnit.MINUTES));
        guest.owner.post(guest.manage + "/extend", "duration_mins", "15");
        assertThat(endsAt(guest.id)).isEqualTo(first.plus(15, ChronoUnit.MINUTES));

        guest.owner.post(guest.manage + "/close");
        Response refused = guest.owner.post(guest.manage + "/extend", "duration_mins", "15");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.html().select("[data-error-for=control]").text()).contains("already ended");
    }

    @Test
    void startOpensAScheduledBallotNow() {
        Device owner = new Device(port);
        Response created = owner.post(
                "/create",
                "measure",
                "Later?",
                "options_raw",
                "a, b",
                "start_time_type",
                "scheduled",
                "scheduled_start_time",
                Instant.now().plus(2, ChronoUnit.HOURS).toString(),
                "duration_mins",
                "60");
        String id = idFrom(created);
        String manage = manageLink(owner, id);
        Response before = Flows.vote(new Device(port), id, "1");
        assertThat(before.html().select("[data-error-for=vote]").text()).isNotBlank();

        assertThat(owner.post(manage + "/start").status()).isEqualTo(303);
        assertThat(status(id)).isEqualTo("ACTIVE");
        assertThat(endsAt(id))
                .as("its end stays where it was")
                .isAfter(Instant.now().plus(1, ChronoUnit.HOURS));
        assertThat(Flows.vote(new Device(port), id, "1").status()).isEqualTo(303);

        Response again = owner.post(manage + "/start");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.html().select("[data-error-for=control]").text()).isEqualTo("This ballot has already started");
    }

    @Test
    void signedInVotersOnlyVoteOncePerAccountAndGuestsAreSentToSignInAndBack() {
        Guest guest = guestBallot("Members only?");
        assertThat(guest.owner
                        .post(guest.manage + "/voters", "who_may_vote", "members")
                        .status())
                .isEqualTo(400);
        assertThat(guest.owner
                        .post(guest.manage + "/voters", "who_may_vote", "signed_in")
                        .status())
                .isEqualTo(303);
        assertThat(guest.owner
                        .get(guest.manage)
                        .html()
                        .select("[data-setting=who_may_vote]")
                        .text())
                .isEqualTo("signed_in");

        Device visitor = new Device(port);
        Response page = visitor.get("/vote/" + guest.id);
        assertThat(page.status()).isEqualTo(303);
        assertThat(page.header("Location")).isEqualTo("/login");
        assertThat(visitor.cookie("oponn_device")).as("no device is needed").isNull();
        Response refused = visitor.post("/vote/" + guest.id, "option_id", "1");
        assertThat(refused.header("Location")).isEqualTo("/login");
        assertThat(votes(guest.id)).isZero();

        Response signedIn = visitor.post("/auth/mock-sign-in", "name", "erin");
        assertThat(signedIn.header("Location")).as("back to the ballot").isEqualTo("/vote/" + guest.id);
        assertThat(visitor.get("/vote/" + guest.id).status()).isEqualTo(200);
        assertThat(visitor.post("/vote/" + guest.id, "option_id", "1").status()).isEqualTo(303);

        Device sameAccountElsewhere = new Device(port);
        sameAccountElsewhere.post("/auth/mock-sign-in", "name", "erin");
        Response twice = Flows.vote(sameAccountElsewhere, guest.id, "2");
        assertThat(twice.html().select("[data-error-for=vote]").text()).contains("already voted");
        assertThat(votes(guest.id)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE row_to_json(account)::text LIKE '%erin%'")
                        .query(Long.class)
                        .single())
                .as("the account exists")
                .isEqualTo(1);
    }

    @Test
    void signInReturnsOnlyToAVotePageWhateverTheCookieSays() {
        Device visitor = new Device(port);
        visitor.setCookie("oponn_continue", "//evil.example/vote/AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(visitor.post("/auth/mock-sign-in", "name", "frank").header("Location"))
                .isEqualTo("/");
        assertThat(visitor.cookie("oponn_continue")).as("spent").isNull();
    }

    @Test
    void theCreateFormSetsWhoMayVote() {
        Device owner = new Device(port);
        Response created = owner.post(
                "/create",
                "measure",
                "Accounts?",
                "options_raw",
                "a, b",
                "duration_mins",
                "0",
                "who_may_vote",
                "signed_in");
        String id = idFrom(created);
        assertThat(jdbc.sql("SELECT who_may_vote FROM ballot WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("signed_in");
        Response bad = owner.post(
                "/create", "measure", "Accounts?", "options_raw", "a, b", "duration_mins", "0", "who_may_vote", "x");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.html().select("[data-error-for=who_may_vote]").text()).isNotBlank();
    }

    @Test
    void deleteNeedsTheWordAndThenEveryRouteAnswersLikeABallotThatNeverExisted() {
        Guest guest = guestBallot("Delete me?");
        Flows.vote(new Device(port), guest.id, "1");

        Response unconfirmed = guest.owner.post(guest.manage + "/delete", "confirm", "yes");
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.html().select("[data-error-for=confirm]").text()).isNotBlank();
        assertThat(rows(guest.id)).isEqualTo(1);

        Response deleted = guest.owner.post(guest.manage + "/delete", "confirm", "delete");
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(deleted.header("Location")).isEqualTo("/");
        assertThat(guest.owner.get("/").html().select("[data-notice=ballot_deleted]"))
                .isNotEmpty();
        assertThat(guest.owner.get("/").html().select("[data-notice=ballot_deleted]"))
                .as("once")
                .isEmpty();

        assertThat(rows(guest.id)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM ballot_voter WHERE ballot_id = :id")
                        .param("id", guest.id)
                        .query(Long.class)
                        .single())
                .isZero();
        Device anyone = new Device(port);
        String never = "AAAAAAAAAAAAAAAAAAAAAA";
        for (String route : new String[] {"/vote/%s", "/results/%s", "/ballots/%s/live-results", "/manage/%s"}) {
            Response gone = anyone.get(route.formatted(guest.id));
            Response unknown = anyone.get(route.formatted(never));
            assertThat(gone.status()).as(route).isEqualTo(unknown.status());
            assertThat(gone.body().replace(guest.id, never)).as(route).isEqualTo(unknown.body());
        }
        assertThat(guest.owner.get(guest.manage).status()).isEqualTo(404);
        assertThat(guest.owner.post(guest.manage + "/close").status()).isEqualTo(404);
    }

    @Test
    void nobodyButTheOwnerCanUseAControl() {
        Guest guest = guestBallot("Mine?");
        String key = guest.manage.substring(guest.manage.lastIndexOf('/') + 1);
        String wrongKey = (key.charAt(0) == 'A' ? "B" : "A") + key.substring(1);
        Device stranger = new Device(port);
        assertThat(stranger.post("/manage/" + guest.id + "/" + wrongKey + "/close")
                        .status())
                .isEqualTo(404);
        assertThat(stranger.post("/manage/" + guest.id + "/close").status()).isEqualTo(404);
        Device mallory = new Device(port);
        mallory.post("/auth/mock-sign-in", "name", "mallory");
        mallory.get("/");
        assertThat(mallory.post("/manage/" + guest.id + "/close").status()).isEqualTo(404);
        assertThat(mallory.post("/manage/" + guest.id + "/delete", "confirm", "delete")
                        .status())
                .isEqualTo(404);
        assertThat(guest.owner.postWithoutCsrf(guest.manage + "/close").status())
                .as("without the form's token")
                .isEqualTo(403);
        assertThat(status(guest.id)).isEqualTo("ACTIVE");
        assertThat(rows(guest.id)).isEqualTo(1);
    }

    @Test
    void aSignedInOwnerUsesTheControlsOnTheirOwnManagePage() {
        Device carol = new Device(port);
        carol.post("/auth/mock-sign-in", "name", "carol");
        carol.get("/");
        String id = Flows.createBallot(carol, "Carol's?", "yes, no", false);
        assertThat(carol.get("/manage/" + id)
                        .html()
                        .select("form[data-control=close]")
                        .attr("action"))
                .isEqualTo("/manage/" + id + "/close");
        assertThat(carol.post("/manage/" + id + "/close").header("Location")).isEqualTo("/manage/" + id);
        assertThat(status(id)).isEqualTo("ENDED");
        assertThat(carol.post("/manage/" + id + "/delete", "confirm", "delete").status())
                .isEqualTo(303);
        assertThat(carol.get("/").html().select("[data-ballot=" + id + "]")).isEmpty();
    }

    @Test
    void everyBadControlValueSaysWhyUnderItsFieldWithA400AndChangesNothing() {
        Guest guest = guestBallot("Bad values?");
        String[][] refusals = {
            {"extend", "duration_mins", "soon", "Duration must be a whole number of minutes from 1 to 527040"},
            {"extend", "duration_mins", "-5", "Duration must be a whole number of minutes from 1 to 527040"},
            {"extend", "duration_mins", "527041", "Duration must be a whole number of minutes from 1 to 527040"},
            {"extend", "duration_mins", "", "Duration must be a whole number of minutes from 1 to 527040"},
            {"voters", "who_may_vote", "members", "Choose who may vote: anyone or signed_in"},
            {"voters", "who_may_vote", "", "Choose who may vote: anyone or signed_in"},
            {"delete", "confirm", "yes", "Type the word delete to confirm"},
            {"delete", "confirm", "DELETE", "Type the word delete to confirm"},
        };
        for (String[] refusal : refusals) {
            Response refused = guest.owner.post(guest.manage + "/" + refusal[0], refusal[1], refusal[2]);
            assertThat(refused.status()).as(String.join(" ", refusal)).isEqualTo(400);
            assertThat(refused.html()
                            .select("[data-error-for=" + refusal[1] + "]")
                            .text())
                    .as(String.join(" ", refusal))
                    .isEqualTo(refusal[3]);
            assertThat(refused.html().select("h1").text()).contains("Bad values?");
        }
        guest.owner.post(guest.manage + "/close");
        Response reopen = guest.owner.post(guest.manage + "/reopen", "duration_mins", "-1");
        assertThat(reopen.status()).isEqualTo(400);
        assertThat(reopen.html().select("[data-error-for=duration_mins]").text())
                .isEqualTo("Duration must be a whole number of minutes from 0 to 527040 (0 means no end)");
        Response start = guest.owner.post(guest.manage + "/start");
        assertThat(start.status()).as("an ended ballot does not start").isEqualTo(409);
        assertThat(start.html().select("[data-error-for=control]").text()).isNotBlank();

        assertThat(status(guest.id)).isEqualTo("ENDED");
        assertThat(rows(guest.id)).as("the ballot is still there").isPositive();
        assertThat(jdbc.sql("SELECT who_may_vote FROM ballot WHERE id = :id")
                        .param("id", guest.id)
                        .query(String.class)
                        .single())
                .isEqualTo("anyone");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void everyControlIsLoggedAsANounVerbEventByFingerprintNeverByIdTextOrKey(CapturedOutput output) {
        Device owner = new Device(port);
        String measure = "Which secret plan wins?";
        String id = idFrom(owner.post(
                "/create",
                "measure",
                measure,
                "options_raw",
                "plan alpha, plan beta",
                "start_time_type",
                "scheduled",
                "scheduled_start_time",
                Instant.now().plus(2, ChronoUnit.HOURS).toString(),
                "duration_mins",
                "60"));
        String manage = manageLink(owner, id);
        String key = manage.substring(manage.lastIndexOf('/') + 1);
        String fingerprint = "ballot=\"" + fingerprints.ballot(id) + "\"";

        assertThat(owner.post(manage + "/start").status()).isEqualTo(303);
        assertThat(owner.post(manage + "/extend", "duration_mins", "30").status())
                .isEqualTo(303);
        assertThat(owner.post(manage + "/close").status()).isEqualTo(303);
        assertThat(owner.post(manage + "/reopen", "duration_mins", "0").status())
                .isEqualTo(303);
        assertThat(owner.post(manage + "/voters", "who_may_vote", "signed_in").status())
                .isEqualTo(303);
        assertThat(owner.post(manage + "/delete", "confirm", "delete").status()).isEqualTo(303);

        String logged = output.getAll();
        for (String event : new String[] {
            "ballot.started",
            "ballot.extended",
            "ballot.closed",
            "ballot.reopened",
            "ballot.voters_changed",
            "ballot.deleted"
        }) {
            assertThat(logged).contains(event + " " + fingerprint);
        }
        assertThat(logged).doesNotContain(id, key, measure, "plan alpha");
    }

    private record Guest(Device owner, String id, String manage) {}

    private Guest guestBallot(String measure) {
        Device owner = new Device(port);
        String id = Flows.createBallot(owner, measure, "yes, no", false);
        return new Guest(owner, id, manageLink(owner, id));
    }

    private static String manageLink(Device owner, String id) {
        String link = owner.get("/vote/" + id)
                .html()
                .select("[data-notice=manage_link] a[data-notice-link]")
                .attr("href");
        return link.replaceFirst("^http://[^/]+", "");
    }

    private static String idFrom(Response created) {
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        String location = created.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private @Nullable Instant endsAt(String id) {
        return jdbc.sql("SELECT ends_at FROM ballot WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single()
                .orElse(null);
    }

    private String status(String id) {
        return jdbc.sql("""
                        SELECT CASE WHEN starts_at > now() THEN 'PENDING'
                                    WHEN ends_at IS NOT NULL AND ends_at <= now() THEN 'ENDED' ELSE 'ACTIVE' END
                        FROM ballot WHERE id = :id
                        """).param("id", id).query(String.class).single();
    }

    private long votes(String id) {
        return jdbc.sql("SELECT coalesce(sum(votes), 0) FROM tally_shard WHERE ballot_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    private long rows(String id) {
        return jdbc.sql("SELECT count(*) FROM ballot WHERE id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }
}
