package dev.oponn.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.Chrome;
import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The owner closes a ballot in one browser while a second browser watches it, in one tab on the results page and
 * in another on the vote page: both show the ballot closed without a reload, the results with the final tally and
 * the vote page with its button disabled.
 */
@OponnTest
class OwnerControlsInBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    Chrome owner;
    Chrome watcher;

    @BeforeEach
    void openBrowsers() {
        owner = new Chrome();
        watcher = new Chrome();
    }

    @AfterEach
    void closeBrowsers() {
        owner.close();
        watcher.close();
    }

    @Test
    void closingAndReopeningShowInTheOtherBrowserWithoutAReload() {
        WebDriver ownerWindow = owner.driver();
        ownerWindow.get(url("/create"));
        ownerWindow.findElement(By.id("measure")).sendKeys("Close it live?");
        ownerWindow.findElement(By.id("options_raw")).sendKeys("yes, no");
        ownerWindow
                .findElement(By.cssSelector("#create-form button[type=submit]"))
                .click();
        String manage = new WebDriverWait(ownerWindow, WAIT)
                .until(driver ->
                        driver.findElements(By.cssSelector("[data-notice=manage_link] a[data-notice-link]")).stream()
                                .findFirst()
                                .map(link -> link.getAttribute("href"))
                                .orElse(null));
        String ballot = manage.replaceFirst("^.*/manage/([^/]+)/.*$", "$1");
        assertThat(Flows.vote(new Device(port), ballot, "1").status()).isEqualTo(303);

        WebDriver results = watcher.driver();
        results.get(url("/results/" + ballot));
        String resultsTab = results.getWindowHandle();
        results.switchTo().newWindow(WindowType.TAB);
        results.get(url("/vote/" + ballot));
        String voteTab = results.getWindowHandle();
        assertThat(results.findElement(By.cssSelector("#vote-form button[type=submit]"))
                        .isEnabled())
                .isTrue();
        for (String tab : new String[] {resultsTab, voteTab}) {
            results.switchTo().window(tab);
            // A page reload would drop this marker; a live swap keeps it.
            ((JavascriptExecutor) results).executeScript("window.oponnMarker = 'unchanged page';");
        }
        // The create form's default: an hour.
        results.switchTo().window(resultsTab);
        assertThat(text(results, "#results-panel .status")).startsWith("ends in");

        ownerWindow.get(manage);
        use(ownerWindow, "close", "ended");

        results.switchTo().window(resultsTab);
        until(results, driver -> text(driver, "#results-panel .status").startsWith("voting closed"));
        assertThat(text(results, "li[data-option-id='1'] .count")).isEqualTo("1");
        assertThat(marker(results)).isEqualTo("unchanged page");

        results.switchTo().window(voteTab);
        until(results, driver -> text(driver, "#vote-panel .status").equals("voting closed"));
        until(
                results,
                driver -> !driver.findElement(By.cssSelector("#vote-form button[type=submit]"))
                        .isEnabled());
        assertThat(marker(results)).isEqualTo("unchanged page");

        // Closed by mistake: the owner reopens it, and the same pages come back to life.
        use(ownerWindow, "reopen", "active");
        until(
                results,
                driver -> driver.findElement(By.cssSelector("#vote-form button[type=submit]"))
                        .isEnabled());
        assertThat(text(results, "#vote-panel .status")).startsWith("ends in");
        results.switchTo().window(resultsTab);
        until(results, driver -> text(driver, "#results-panel .status").startsWith("ends in"));
        assertThat(marker(results)).isEqualTo("unchanged page");
        assertThat(watcher.consoleErrors()).isEmpty();
    }

    /** Submits one owner control and waits for the manage page to show the ballot's new state. */
    private static void use(WebDriver ownerWindow, String control, String status) {
        ownerWindow
                .findElement(By.cssSelector("form[data-control=" + control + "] button[type=submit]"))
                .click();
        // The manage page swaps its panel after the control, so the element found first can go stale.
        until(
                ownerWindow,
                driver -> driver.findElement(By.cssSelector("[data-status]"))
                        .getAttribute("data-status")
                        .equals(status));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static void until(WebDriver driver, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    private static String text(WebDriver driver, String css) {
        return new WebDriverWait(driver, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(css)).getText());
    }

    private static Object marker(WebDriver driver) {
        return ((JavascriptExecutor) driver).executeScript("return window.oponnMarker;");
    }
}
