package dev.oponn.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Which language a page speaks: the reader's explicit choice (a cookie, no account), else the browser's
 * {@code Accept-Language}, else English; {@code lang} on {@code <html>} says which, and the switch is on every page.
 */
@OponnTest
class LanguageChoiceTests {

    @LocalServerPort
    int port;

    private final HttpClient http = Device.newClient();

    @Test
    void withoutAChoiceOrAnAcceptLanguageAPageIsInEnglish() throws Exception {
        Document page = get("/create", null, null);
        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("h1").text()).isEqualTo("> init_ballot");
        assertThat(page.select("footer [data-languages] a").eachAttr("data-lang"))
                .containsExactly("en", "de", "fr", "es");
        assertThat(page.select("footer [data-lang=en]").attr("aria-current")).isEqualTo("true");
    }

    @Test
    void theBrowsersFirstSpokenLanguageIsUsed() throws Exception {
        Document page = get("/create", "pt-BR, fr-CH;q=0.9, de;q=0.8", null);
        assertThat(page.select("html").attr("lang")).isEqualTo("fr");
        assertThat(page.select("h1").text()).isEqualTo("> créer_un_scrutin");
        assertThat(get("/create", "es-MX", null).select("label[for=measure]").text())
                .isEqualTo("pregunta");
    }

    @Test
    void theSwitchRemembersTheChoiceInACookieAndReturnsToThePage() throws Exception {
        HttpResponse<String> chosen = send("/language/de?return=%2Fcreate", "fr", null);
        assertThat(chosen.statusCode()).isEqualTo(302);
        assertThat(chosen.headers().firstValue("Location").orElseThrow()).endsWith("/create");
        String cookie = chosen.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("oponn_lang=de"))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Max-Age=");

        Document page = get("/create", "fr", "oponn_lang=de");
        assertThat(page.select("html").attr("lang")).isEqualTo("de");
        assertThat(page.select("h1").text()).isEqualTo("> abstimmung_anlegen");
        assertThat(page.select("footer [data-lang=de]").attr("aria-current")).isEqualTo("true");
        assertThat(page.select("footer [data-lang=en]").attr("href")).isEqualTo("/language/en?return=%2Fcreate");
    }

    @Test
    void theSwitchReturnsOnlyToAPathOfThisSiteAndKnowsOnlyItsLanguages() throws Exception {
        for (String away : new String[] {"https://evil.example/", "//evil.example/", "/\\evil.example", "vote"}) {
            HttpResponse<String> answer = send(
                    "/language/es?return=" + java.net.URLEncoder.encode(away, java.nio.charset.StandardCharsets.UTF_8),
                    null,
                    null);
            URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
            assertThat(location.getPath()).as(away).isEqualTo("/");
            assertThat(location.getHost()).as(away).isIn(null, "127.0.0.1");
        }
        assertThat(send("/language/xx", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void validationMessagesAndTheStatusLineSpeakTheChosenLanguageAndEnglishStaysWordForWord() throws Exception {
        Device owner = new Device(port);
        String ballot = Flows.createBallot(owner, "Which language?", "one, two", false);
        assertThat(get("/vote/" + ballot, null, null).select(".status").text()).isEqualTo("voting open");
        assertThat(get("/vote/" + ballot, null, "oponn_lang=es")
                        .select(".status")
                        .text())
                .isEqualTo("votación abierta");
        assertThat(get("/vote/" + ballot, null, "oponn_lang=de")
                        .select("#vote-form button[type=submit]")
                        .text())
                .isEqualTo("stimme_abgeben");

        Document error = get("/vote/no-such-ballot", "de", null);
        assertThat(error.select("h1").text()).isEqualTo("> 404 nicht_gefunden");
        assertThat(get("/vote/no-such-ballot", null, null).select("h1").text()).isEqualTo("> 404 not_found");
    }

    private Document get(String path, String acceptLanguage, String cookie) throws Exception {
        return Jsoup.parse(send(path, acceptLanguage, cookie).body());
    }

    private HttpResponse<String> send(String path, String acceptLanguage, String cookie)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html");
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
