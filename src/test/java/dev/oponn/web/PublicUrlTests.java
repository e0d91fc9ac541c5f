package dev.oponn.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oponn.support.Device;
import dev.oponn.support.Device.Response;
import dev.oponn.support.Flows;
import dev.oponn.support.FreshDatabase;
import dev.oponn.support.Instance;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * {@code OPONN_PUBLIC_URL}: absolute links and the one origin allowed to change state come from it, never from the
 * request; and with secure cookies the CSRF cookie is {@code __Host-} prefixed, as HTTPS deployments have it.
 */
class PublicUrlTests {

    private static final String PUBLIC = "https://vote.example.org";
    private static final String CREATE = "measure=Hello&options_raw=a,b&start_time_type=now&duration_mins=10";

    @Test
    void linksTheOriginCheckAndTheHostPrefixedCookieFollowThePublicUrl() {
        FreshDatabase.Database database = FreshDatabase.create();
        try (Instance instance = Instance.start(
                database,
                FreshDatabase.randomSecret(),
                "--oponn.public-url=" + PUBLIC + "/",
                "--oponn.secure-cookies=true")) {
            Device device = new Device(instance.port());

            Response createPage = device.get("/create");
            assertThat(createPage.headers().allValues("Set-Cookie"))
                    .filteredOn(cookie -> cookie.contains("csrf"))
                    .singleElement()
                    .satisfies(cookie -> assertThat(cookie)
                            .startsWith("__Host-oponn_csrf_token=")
                            .contains("Secure", "HttpOnly", "Path=/", "SameSite=Lax")
                            .doesNotContainIgnoringCase("Domain="));
            assertThat(createPage.html().select("input[name=X-CSRF-Token]").val())
                    .isEqualTo(device.cookie("__Host-oponn_csrf_token"));

            String ballot = Flows.createBallot(device, "Where do links point?", "here, there", false);
            String link = Flows.manageLink(device, ballot);
            assertThat(link)
                    .as("not the address the request came to")
                    .matches(PUBLIC + "/manage/" + ballot + "/[A-Za-z0-9_-]{43}");

            String token = device.csrfToken();
            String body = CREATE + "&X-CSRF-Token=" + token;
            String form = "application/x-www-form-urlencoded";
            assertThat(device.postRaw("/create", form, body, "Origin", PUBLIC).status())
                    .isEqualTo(303);
            assertThat(device.postRaw("/create", form, body, "Origin", "HTTPS://Vote.Example.org:443")
                            .status())
                    .isEqualTo(303);
            assertThat(device.postRaw("/create", form, body, "Origin", "http://127.0.0.1:" + instance.port())
                            .status())
                    .as("the request's own address is not the public one")
                    .isEqualTo(403);
            assertThat(device.postRaw("/create", form, body, "Origin", "http://vote.example.org")
                            .status())
                    .isEqualTo(403);
        } finally {
            database.drop();
        }
    }

    @Test
    void thePublicUrlIsAnHttpOrHttpsOriginAndNothingMore() {
        assertThat(new PublicUrlProperties("https://Vote.Example.org/").publicUrl())
                .isEqualTo("https://vote.example.org");
        assertThat(new PublicUrlProperties("http://localhost:8080").publicUrl()).isEqualTo("http://localhost:8080");
        assertThat(new PublicUrlProperties("https://vote.example.org:443").publicUrl())
                .isEqualTo("https://vote.example.org");
        assertThat(new PublicUrlProperties(" ").publicUrl()).isNull();
        for (String wrong : List.of(
                "vote.example.org",
                "ftp://vote.example.org",
                "https://vote.example.org/oponn",
                "https://vote.example.org/?a=b",
                "https://user@vote.example.org",
                "https://vote.example.org/#top",
                "https://")) {
            assertThatThrownBy(() -> new PublicUrlProperties(wrong))
                    .as(wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("OPONN_PUBLIC_URL must be an http or https address without a path, such as"
                            + " https://vote.example.org, not '" + wrong + "'.");
        }
    }

    @Test
    void absoluteLinksComeFromTheRequestOnlyWithoutAPublicUrl() {
        PublicUrls configured = new PublicUrls(new PublicUrlProperties(PUBLIC));
        PublicUrls unset = new PublicUrls(new PublicUrlProperties(null));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/vote/x");
        request.setScheme("http");
        request.setServerName("evil.example");
        request.setServerPort(8080);

        assertThat(configured.absolute("/manage/a/b", request)).isEqualTo(PUBLIC + "/manage/a/b");
        assertThat(unset.absolute("/manage/a/b", request)).isEqualTo("http://evil.example:8080/manage/a/b");
        request.setServerPort(80);
        assertThat(unset.origin(request)).isEqualTo("http://evil.example");
    }
}
