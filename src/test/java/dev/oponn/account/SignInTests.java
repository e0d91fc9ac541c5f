package dev.oponn.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.Device;
import dev.oponn.support.Device.Response;
import dev.oponn.support.Flows;
import dev.oponn.support.OidcProvider;
import dev.oponn.support.OponnTest;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Google sign-in end to end against a real OpenID Connect provider: the application redirects, the provider
 * approves, the application exchanges the code, verifies the signed ID token and keeps the person in a session.
 * Cookies are marked {@code Secure} here, as outside development.
 */
@OponnTest
@DirtiesContext
class SignInTests {

    static final OidcProvider provider = new OidcProvider();

    @DynamicPropertySource
    static void google(DynamicPropertyRegistry registry) {
        provider.properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("oponn.secure-cookies", () -> "true");
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    Device device;

    @BeforeEach
    void newDevice() {
        device = new Device(port);
    }

    @Test
    void loginPageOffersTheConfiguredProviderMockSignInAndGuestAccess() {
        Document page = device.get("/login").html();
        assertThat(page.select("a[href=/auth/login/google]").text()).isEqualTo("sign_in_with_google");
        assertThat(page.select("a[href=/auth/login/github]")).isEmpty();
        assertThat(page.select("form#mock-sign-in input[name=name]")).hasSize(1);
        assertThat(page.select("main a[href=/create]").text()).isEqualTo("continue_as_guest");
    }

    @Test
    void newUserSignsInGetsANewSessionIdAndIsStoredWithEmailProviderAndProviderId() {
        String callback = startAndApprove("sub-new", "new@example.org", true, "New Person");
        String sessionBeforeCallback = device.cookie("oponn_session");
        assertThat(sessionBeforeCallback)
                .as("sign-in keeps its state in a session")
                .isNotNull();

        Response landed = device.get(callback);

        assertThat(landed.status()).isEqualTo(303);
        assertThat(landed.header("Location")).isEqualTo("/");
        assertThat(device.cookie("oponn_session")).isNotNull().isNotEqualTo(sessionBeforeCallback);
        Document home = device.get("/").html();
        assertThat(home.select("h1").text()).contains("my_ballots");
        assertThat(home.select("header .viewer").text()).isEqualTo("New Person");
        assertThat(jdbc.sql("""
                        SELECT i.provider, i.subject, a.email, a.email_verified
                        FROM account_identity i JOIN account a ON a.id = i.account_id
                        WHERE i.subject = 'sub-new'
                        """)
                        .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        .single())
                .containsExactly("google", "sub-new", "new@example.org", "t");
    }

    @Test
    void returningUserIsTheSameAccountAndFindsTheirBallots() {
        provider.signIn(device, "sub-returning", "back@example.org", "Back Again");
        String ballot = Flows.createBallot(device, "Team lunch?", "pizza, soup", false);
        device.post("/auth/logout");
        assertThat(device.get("/").html().select("h1").text()).doesNotContain("my_ballots");

        Device later = new Device(port);
        provider.signIn(later, "sub-returning", "back@example.org", "Back Again");

        assertThat(later.get("/").html().select("[data-ballot]").eachAttr("data-ballot"))
                .containsExactly(ballot);
        assertThat(jdbc.sql("SELECT count(*) FROM account_identity WHERE subject = 'sub-returning'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aNewIdentityJoinsAnAccountOnlyThroughAnEmailVerifiedOnBothSides() {
        SignedInUser google = accounts.signIn(new ProviderIdentity("google", "g-1", "same@example.org", true, "Same"));
        SignedInUser github =
                accounts.signIn(new ProviderIdentity("github", "4242", "Same@Example.org", true, "same-gh"));
        SignedInUser unverified =
                accounts.signIn(new ProviderIdentity("github", "4343", "same@example.org", false, "impostor"));

        assertThat(github.id()).isEqualTo(google.id());
        assertThat(unverified.id()).isNotEqualTo(google.id());
        assertThat(accounts.signIn(new ProviderIdentity("github", "4242", null, false, "renamed"))
                        .id())
                .as("a known identity is its account whatever its email says now")
                .isEqualTo(google.id());
    }

    @Test
    void tamperedStateIsRejectedAndSignsNobodyIn() {
        String callback = startAndApprove("sub-tamper", "tamper@example.org", true, "Tamper");
        String tampered = callback.replaceFirst("state=[^&]+", "state=forged-state-value");

        Response refused = device.get(tampered);

        assertThat(refused.status()).isEqualTo(303);
        assertThat(refused.header("Location")).isEqualTo("/login?error");
        assertThat(device.get("/").html().select("h1").text()).doesNotContain("my_ballots");
        assertThat(device.get("/login?error")
                        .html()
                        .select("[data-login-message]")
                        .text())
                .contains("did not complete");
        assertThat(jdbc.sql("SELECT count(*) FROM account_identity WHERE subject = 'sub-tamper'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aCallbackCannotBeReplayedFromAnotherBrowser() {
        String callback = startAndApprove("sub-replay", "replay@example.org", true, "Replay");
        assertThat(device.get(callback).status()).isEqualTo(303);

        Device attacker = new Device(port);
        Response replayed = attacker.get(callback);

        assertThat(replayed.header("Location")).isEqualTo("/login?error");
        assertThat(attacker.get("/").html().select("h1").text()).doesNotContain("my_ballots");
    }

    @Test
    void unknownProviderIsNotFound() {
        assertThat(device.get("/auth/login/facebook").status()).isEqualTo(404);
        assertThat(device.get("/auth/login/github").status())
                .as("a provider without credentials is not offered")
                .isEqualTo(404);
    }

    @Test
    void sessionCookieIsHttpOnlyLaxAndSecure() {
        device.get("/auth/login/google");
        Response signedIn = device.post("/auth/mock-sign-in", "name", "cookie check");
        String setCookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("oponn_session="))
                .findFirst()
                .orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("Secure").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void signOutIsAPostWithTheFormTokenAndInvalidatesTheSession() {
        provider.signIn(device, "sub-logout", "logout@example.org", "Leaving");
        String session = device.cookie("oponn_session");

        assertThat(device.get("/auth/logout")
                        .html()
                        .select("main form[action=/auth/logout] button")
                        .text())
                .isEqualTo("sign_out");
        assertThat(device.get("/").html().select("h1").text())
                .as("GET signs nobody out")
                .contains("my_ballots");
        assertThat(device.postWithoutCsrf("/auth/logout").status()).isEqualTo(403);
        assertThat(device.get("/").html().select("h1").text()).contains("my_ballots");

        Response out = device.post("/auth/logout");

        assertThat(out.status()).isEqualTo(303);
        assertThat(out.header("Location")).isEqualTo("/");
        assertThat(device.cookie("oponn_session")).isNull();
        Device stolenCookie = new Device(port);
        stolenCookie.setCookie("oponn_session", session);
        assertThat(stolenCookie.get("/").html().select("h1").text())
                .as("the old session id is worthless")
                .doesNotContain("my_ballots");
    }

    /**
     * The token a browser held before signing in, or while signed in, is refused afterwards even when presented as
     * both cookie and field: a token planted before sign-in cannot ride into the session.
     */
    @Test
    void oauthSignInAndSignOutRetireTheCsrfTokenHeldBefore() {
        String guestToken = device.csrfToken();
        provider.signIn(device, "sub-rotation", "rotation@example.org", "Rotating");
        String signedInToken = device.csrfToken();
        assertThat(signedInToken).isNotEqualTo(guestToken);
        assertThat(createPosting(guestToken).status()).isEqualTo(403);
        assertThat(createPosting(signedInToken).status()).isEqualTo(303);

        assertThat(device.post("/auth/logout").status()).isEqualTo(303);
        assertThat(createPosting(signedInToken).status()).isEqualTo(403);
    }

    @Test
    void csrfCookieIsHostPrefixedWithSecureCookies() {
        assertThat(device.get("/login").headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("__Host-oponn_csrf_token=")
                        .contains("Secure", "Path=/", "HttpOnly")
                        .doesNotContainIgnoringCase("Domain="));
        assertThat(device.cookie("oponn_csrf_token")).isNull();
    }

    private Response createPosting(String token) {
        device.setCookie("__Host-oponn_csrf_token", token);
        return device.postRaw(
                "/create",
                "application/x-www-form-urlencoded",
                "measure=Rotated&options_raw=a,b&start_time_type=now&duration_mins=10&X-CSRF-Token=" + token);
    }

    @Test
    void mockSignInPicksANameAndGivesASession() {
        Response signedIn = device.post("/auth/mock-sign-in", "name", "  Dev Person ");

        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(device.cookie("oponn_session")).isNotNull();
        Document home = device.get("/").html();
        assertThat(home.select("h1").text()).contains("my_ballots");
        assertThat(home.select("header .viewer").text()).isEqualTo("Dev Person");

        Response blank = new Device(port).post("/auth/mock-sign-in", "name", "   ");
        assertThat(blank.status()).isEqualTo(200);
        assertThat(blank.html().select("[data-error-for=name]").text()).isEqualTo("Name required");
    }

    @Test
    void htmxRequestWithAnEndedSessionIsSentToSignInInsteadOfGettingAPage() {
        device.setCookie("oponn_session", "a-session-the-server-no-longer-has");

        Response fragment = device.getHtmx("/create");

        assertThat(fragment.status()).isEqualTo(401);
        assertThat(fragment.header("HX-Redirect")).isEqualTo("/login?expired");
        assertThat(fragment.body()).doesNotContain("<html").doesNotContain("sign_in");
        assertThat(device.cookie("oponn_session"))
                .as("the dead cookie is cleared")
                .isNull();
    }

    @Test
    void plainPostWithAnEndedSessionCreatesNothingAndAsksToSignInAgain() {
        device.csrfToken();
        device.setCookie("oponn_session", "a-session-the-server-no-longer-has");
        long before = jdbc.sql("SELECT count(*) FROM ballot").query(Long.class).single();

        Response post = device.post(
                "/create", "measure", "Lost?", "options_raw", "a, b", "start_time_type", "now", "duration_mins", "0");

        assertThat(post.status()).isEqualTo(303);
        assertThat(post.header("Location")).isEqualTo("/login?expired");
        assertThat(jdbc.sql("SELECT count(*) FROM ballot").query(Long.class).single())
                .isEqualTo(before);
        assertThat(device.get("/login?expired")
                        .html()
                        .select("[data-login-message]")
                        .text())
                .contains("session has ended");
    }

    @Test
    void plainPageViewWithAnEndedSessionContinuesAsAGuest() {
        device.setCookie("oponn_session", "a-session-the-server-no-longer-has");

        Response home = device.get("/");

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.html().select("a[href=/create]").text()).contains("init_guest_ballot");
        assertThat(device.cookie("oponn_session")).isNull();
    }

    @Test
    void htmxRequestThatNeedsSignInIsRedirectedWholeNotSwapped() {
        Response fragment = device.getHtmx("/manage/AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(fragment.status()).isEqualTo(401);
        assertThat(fragment.header("HX-Redirect")).isEqualTo("/login");
        assertThat(fragment.body()).doesNotContain("<html");

        Response page = device.get("/manage/AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(page.status()).isEqualTo(303);
        assertThat(page.header("Location")).isEqualTo("/login");
    }

    private String startAndApprove(String subject, String email, boolean verified, String name) {
        provider.nextSignIn(subject, email, verified, name);
        return provider.callbackFor(device);
    }
}
