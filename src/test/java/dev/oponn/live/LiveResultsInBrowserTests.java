package dev.oponn.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oponn.ballot.BallotId;
import dev.oponn.support.Chrome;
import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Real browsers on the results page: htmx's SSE extension swaps each new tally in, under the strict CSP. */
@OponnTest
class LiveResultsInBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    LiveResults live;

    Chrome first;
    Chrome second;

    @BeforeEach
    void openBrowsers() {
        first = new Chrome();
        second = new Chrome();
    }

    @AfterEach
    void closeBrowsers() {
        first.close();
        second.close();
    }

    @Test
    void twoWindowsOnTheResultsPageShowAVoteFromAThirdDeviceWithoutReloading() {
        Device voter = new Device(port);
        String ballot = Flows.createBallot(voter, "Where to meet?", "cafe, library", false);
        for (Chrome browser : List.of(first, second)) {
            browser.driver().get("http://127.0.0.1:" + port + "/results/" + ballot);
            assertThat(count(browser, "1")).isEqualTo("0");
            // A page reload would drop this marker; a swap keeps it.
            ((JavascriptExecutor) browser.driver()).executeScript("window.oponnMarker = 'unchanged page';");
        }
        await().atMost(WAIT).until(() -> live.viewersOf(new BallotId(ballot)) == 2);

        assertThat(Flows.vote(voter, ballot, "1").status()).isEqualTo(303);

        for (Chrome browser : List.of(first, second)) {
            new WebDriverWait(browser.driver(), WAIT)
                    .ignoring(StaleElementReferenceException.class)
                    .until(driver -> count(browser, "1").equals("1"));
            assertThat(browser.driver()
                            .findElement(By.cssSelector("#results-panel .total"))
                            .getText())
                    .isEqualTo("1");
            assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.oponnMarker;"))
                    .isEqualTo("unchanged page");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    /** Read again if the live swap replaced the element between finding and reading it. */
    private static String count(Chrome browser, String optionId) {
        return new WebDriverWait(browser.driver(), WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(By.cssSelector("li[data-option-id='" + optionId + "'] .count"))
                        .getText());
    }
}
