package dev.oponn.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.Device;
import dev.oponn.support.Device.Response;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cross-site request forgery, beyond a missing token: a token the server never issued, a token from before a
 * sign-in or sign-out, a request the browser says comes from another site; and pages that must never be cached.
 */
@OponnTest
class CrossSiteRequestTests {

    private static final String CREATE =
            "measure=Forged&options_raw=a,b&start_time_type=now&duration_mins=10&X-CSRF-Token=";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Device device;

    @BeforeEach
    void newDevice() {
        device = new Device(port);
    }

    @Test
    void aPlantedCookieAndFieldOfTheSameValueAreRefused() {
        device.setCookie("oponn_csrf_token", "planted");
        long before = ballots();

        Response refused = device.postRaw("/create", "application/x-www-form-urlencoded", CREATE + "planted");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.html().select("h1").text()).contains("403 forbidden");
        assertThat(ballots()).isEqualTo(before);
        assertThat(device.cookie("oponn_csrf_token"))
                .as("the planted cookie is replaced by one the server issued")
                .isNotEqualTo("planted");
    }

    @Test
    void aWellFormedTokenSignedBySomeoneElseIsRefused() {
        String issued = device.csrfToken();
        String forged = "A".repeat(43) + issued.substring(issued.indexOf('.'));
        device.setCookie("oponn_csrf_token", forged);

        assertThat(device.postRaw("/create", "application/x-www-form-urlencoded", CREATE + forged)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aForeignOriginIsRefusedEvenWithAValidToken() {
        String token = device.csrfToken();
        long before = ballots();
        for (String origin : new String[] {"http://evil.example", "http://127.0.0.1:" + (port + 1), "garbage"}) {
            Response refused =
                    device.postRaw("/create", "application/x-www-form-urlencoded", CREATE + token, "Origin", origin);
            assertThat(refused.status()).as(origin).isEqualTo(403);
            assertThat(refused.html().select("h1").text()).contains("403 forbidden");
        }
        assertThat(ballots()).isEqualTo(before);
    }

    @Test
    void aCrossSiteOrSameSiteFetchIsRefusedEvenWithAValidToken() {
        String ballot = Flows.createBallot(device, "Guarded", "a, b", false);
        Device voter = new Device(port);
        voter.get("/vote/" + ballot);
        String token = voter.csrfToken();
        for (String site : new String[] {"cross-site", "same-site"}) {
            Response refused = voter.postRaw(
                    "/vote/" + ballot,
                    "application/x-www-form-urlencoded",
                    "option_id=1&X-CSRF-Token=" + token,
                    "Sec-Fetch-Site",
                    site,
                    "Origin",
                    "http://127.0.0.1:" + port);
            assertThat(refused.status()).as(site).isEqualTo(403);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM ballot_voter WHERE ballot_id = :id")
                        .param("id", ballot)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void ownOriginSameOriginFetchesAndTheNullOriginOfANoReferrerFormPass() {
        String token = device.csrfToken();
        String own = "http://127.0.0.1:" + port;
        assertThat(device.postRaw(
                                "/create",
                                "application/x-www-form-urlencoded",
                                CREATE + token,
                                "Origin",
                                own,
                                "Sec-Fetch-Site",
                                "same-origin")
                        .status())
                .isEqualTo(303);
        assertThat(device.postRaw(
                                "/create",
                                "application/x-www-form-urlencoded",
                                CREATE + token,
                                "Origin",
                                "null",
                                "Sec-Fetch-Site",
                                "same-origin")
                        .status())
                .as("a form post under Referrer-Policy: no-referrer sends Origin: null")
                .isEqualTo(303);
        assertThat(device.postRaw(
                                "/create",
                                "application/x-www-form-urlencoded",
                                CREATE + token,
                                "Sec-Fetch-Site",
                                "none")
                        .status())
                .isEqualTo(303);
    }

    @Test
    void mockSignInAndSignOutRetireTheTokenTheBrowserHeldBefore() {
        String guestToken = device.csrfToken();
        assertThat(device.post("/auth/mock-sign-in", "name", "Rotating").status())
                .isEqualTo(303);
        assertThat(device.get("/").html().select("header .viewer").text()).isEqualTo("Rotating");
        String signedInToken = device.csrfToken();
        assertThat(signedInToken).isNotEqualTo(guestToken);

        assertThat(postingBoth(guestToken).status())
                .as("a token from before sign-in is refused even as cookie and field")
                .isEqualTo(403);
        assertThat(device.csrfToken()).isNotEqualTo(guestToken);
        assertThat(postingBoth(signedInToken).status()).isEqualTo(303);

        assertThat(device.post("/auth/logout").status()).isEqualTo(303);
        assertThat(postingBoth(signedInToken).status())
                .as("a token of the ended session is refused")
                .isEqualTo(403);
    }

    @Test
    void aSignedInTokenIsWorthlessInAnotherSession() {
        Device alice = new Device(port);
        alice.post("/auth/mock-sign-in", "name", "Alice");
        alice.get("/");
        Device bob = new Device(port);
        bob.post("/auth/mock-sign-in", "name", "Bob");
        bob.get("/");
        String alicesToken = alice.csrfToken();
        bob.setCookie("oponn_csrf_token", alicesToken);

        assertThat(bob.postRaw("/create", "application/x-www-form-urlencoded", CREATE + alicesToken)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void pagesWithAManageLinkAVoteFormOrOwnerDataAreNeverStored() {
        Device creator = new Device(port);
        String ballot = Flows.createBallot(creator, "Cached?", "yes, no", false);
        Response votePage = creator.get("/vote/" + ballot);
        String link = votePage.html()
                .select("[data-notice=manage_link] a[data-notice-link]")
                .attr("href");
        assertThat(link).contains("/manage/" + ballot + "/");
        assertNeverStored(votePage);

        Device freshBrowser = new Device(port);
        Response manage = freshBrowser.get(link.substring(link.indexOf("/manage/")));
        assertThat(manage.status()).isEqualTo(200);
        assertThat(manage.headers().allValues("Set-Cookie"))
                .as("the fresh browser is issued a CSRF cookie on this very response")
                .anySatisfy(cookie -> assertThat(cookie).startsWith("oponn_csrf_token="));
        assertNeverStored(manage);

        assertNeverStored(new Device(port).get("/vote/" + ballot));
        assertNeverStored(new Device(port).getHtmx("/vote/" + ballot));
        assertNeverStored(new Device(port).get("/create"));
        Device owner = new Device(port);
        owner.post("/auth/mock-sign-in", "name", "Owner");
        assertNeverStored(owner.get("/"));
    }

    private static void assertNeverStored(Response response) {
        assertThat(response.headers().allValues("Cache-Control"))
                .as("Cache-Control")
                .anySatisfy(value -> assertThat(value).contains("no-store"));
    }

    private Response postingBoth(String token) {
        device.setCookie("oponn_csrf_token", token);
        return device.postRaw("/create", "application/x-www-form-urlencoded", CREATE + token);
    }

    private long ballots() {
        return jdbc.sql("SELECT count(*) FROM ballot").query(Long.class).single();
    }
}
