package dev.oponn.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.BrowserTest;
import dev.oponn.support.Chrome;
import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A voter switches language with the link on the page, and the vote and results pages (the live panel included)
 * speak it; a phone-sized screenshot of both in each language goes to {@code target/screenshots/languages} for a
 * person to look at.
 */
class LanguagesInBrowserTests extends BrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots", "languages");
    private static final Map<String, String> OPEN =
            Map.of("en", "voting open", "de", "abstimmung offen", "fr", "vote ouvert", "es", "votación abierta");
    private static final Map<String, String> VOTES =
            Map.of("en", "votes", "de", "Stimmen", "fr", "voix", "es", "votos");

    @Test
    void theSwitchChangesTheLanguageOfTheVoteAndResultsPagesAndTheLivePanelFollows() throws Exception {
        Files.createDirectories(SHOTS);
        Device owner = new Device(port);
        String ballot = Flows.createBallot(owner, "Where do we meet next week?", "library, café, park", true);
        Flows.vote(new Device(port), ballot, "2");
        for (String lang : List.of("en", "de", "fr", "es")) {
            // A fresh browser each time: Chromium holds the sockets of the streams a page left (see PageTour.walk).
            chrome.close();
            chrome = new Chrome();
            browser = chrome.driver();
            wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            PhoneWidthInBrowserTests.asPhone(chrome, 375);
            browser.get(url("/vote/" + ballot));
            browser.findElement(By.cssSelector("footer a[data-lang=" + lang + "]"))
                    .click();
            wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", lang));
            assertThat(browser.getCurrentUrl()).endsWith("/vote/" + ballot);
            shoot("vote-" + lang);

            browser.get(url("/results/" + ballot));
            assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                    .isEqualTo(lang);
            String before = status();
            Flows.vote(new Device(port), ballot, "1");
            wait.ignoring(StaleElementReferenceException.class).until(driver -> !before.equals(status()));
            assertThat(status())
                    .as("the panel pushed live, in %s", lang)
                    .startsWith(OPEN.get(lang))
                    .endsWith(VOTES.get(lang));
            shoot("results-" + lang);
        }
        assertThat(chrome.consoleErrors()).isEmpty();
    }

    /** The results panel's status line; the live swap may replace the element while it is read. */
    private String status() {
        for (int attempt = 0; ; attempt++) {
            try {
                return browser.findElement(By.cssSelector("#results-panel .status"))
                        .getText();
            } catch (StaleElementReferenceException swapped) {
                if (attempt == 50) {
                    throw swapped;
                }
            }
        }
    }

    private void shoot(String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), chrome.driver().getScreenshotAs(OutputType.BYTES));
    }
}
