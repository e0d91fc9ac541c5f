package dev.oponn.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.BrowserTest;
import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A ranked ballot in a real browser, with the keyboard alone: oponn.js turns the rank selects into a list the voter
 * orders with Tab and Enter, and the form still sends the rank_{id} fields the server counts.
 */
class RankedBallotInBrowserTests extends BrowserTest {

    @Test
    void aVoterRanksWithTheKeyboardAloneAndTheBallotIsCounted() {
        String ballot = Flows.createBallotWith(
                new Device(port),
                "measure",
                "Order the snacks",
                "options_raw",
                "apples, bananas, cherries",
                "start_time_type",
                "now",
                "duration_mins",
                "0",
                "voting_method",
                "ranked");
        browser.get(url("/vote/" + ballot));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-rank-toggle]")));
        assertThat(browser.findElements(By.cssSelector("select[data-rank]")))
                .allSatisfy(select -> assertThat(select.isDisplayed()).isFalse());

        // cherries first, then apples; bananas stays unranked.
        press("rank cherries", Keys.ENTER);
        press("rank apples", Keys.SPACE);
        assertThat(position("cherries")).isEqualTo("1.");
        assertThat(position("apples")).isEqualTo("2.");
        // Change of mind: apples up to first, by keyboard.
        press("move apples up", Keys.ENTER);
        assertThat(position("apples")).isEqualTo("1.");
        assertThat(position("cherries")).isEqualTo("2.");
        assertThat(position("bananas")).isEqualTo("–");
        assertThat(browser.findElement(By.cssSelector("[data-ranking-status]")).getText())
                .isEqualTo("apples is ranked 1");

        WebElement submit = tabTo(e -> "cast_vote".equals(e.getText()));
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.urlContains("/results/"));

        WebElement apples = browser.findElement(By.cssSelector("[data-rounds] tbody tr[data-option-id='1']"));
        assertThat(apples.findElement(By.cssSelector("td")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector("[data-winner]")).getText())
                .contains("apples");
        assertThat(submit).isNotNull();
        assertThat(chrome.consoleErrors()).isEmpty();
    }

    /** Tabs forward until the focused element has this accessible label, then presses {@code key} on it. */
    private void press(String label, Keys key) {
        tabTo(e -> label.equals(e.getAttribute("aria-label")));
        new Actions(browser).sendKeys(key).perform();
    }

    private WebElement tabTo(Predicate<WebElement> wanted) {
        for (int i = 0; i < 60; i++) {
            WebElement focused = browser.switchTo().activeElement();
            if (wanted.test(focused)) {
                return focused;
            }
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("no such element in the tab order");
    }

    private String position(String label) {
        return browser.findElement(By.xpath(
                        "//li[@data-rank-row][.//label[normalize-space(.)='" + label + "']]/*[@data-rank-position]"))
                .getText();
    }
}
