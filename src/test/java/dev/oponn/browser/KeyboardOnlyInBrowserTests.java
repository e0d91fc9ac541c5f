package dev.oponn.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.BrowserTest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A person without a pointer creates a ballot, votes, reads the results and closes the ballot from its manage page
 * with the keyboard alone: Tab to move, typing, Space and the arrow keys for choices, Enter to act. Every element
 * the focus lands on shows a focus indicator.
 */
class KeyboardOnlyInBrowserTests extends BrowserTest {

    private static final int MOST_TABS = 80;

    /** A ring of at least two pixels, or a shadow, on the focused element. */
    private static final String FOCUS_SHOWN = """
            const s = getComputedStyle(document.activeElement);
            return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
            """;

    private final List<String> unmarked = new ArrayList<>();

    @Test
    void aBallotIsCreatedVotedOnReadAndClosedWithKeysAlone() {
        browser.get(url("/create"));
        tabTo(element -> "measure".equals(element.getDomAttribute("id")));
        typeHere("Keys only?");
        tabTo(element -> "options_raw".equals(element.getDomAttribute("id")));
        typeHere("left, right");
        tabTo(element -> "submit".equals(element.getDomAttribute("type")));
        press(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/vote/"));

        tabTo(element -> "option_id".equals(element.getDomAttribute("name")));
        press(Keys.SPACE);
        press(Keys.ARROW_DOWN);
        assertThat(browser.findElement(By.cssSelector("input[name=option_id][value='2']"))
                        .isSelected())
                .isTrue();
        tabTo(element -> "submit".equals(element.getDomAttribute("type")));
        press(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/results/"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-option-id='2'] [data-count]"), "1"));
        assertThat(browser.findElement(By.cssSelector("#results-panel .status")).getText())
                .contains("1 vote");

        assertThat(unmarked)
                .as("focused elements without a visible focus indicator")
                .isEmpty();
    }

    @Test
    void theOwnerFollowsTheManageLinkAndClosesTheBallotWithKeysAlone() {
        browser.get(url("/create"));
        tabTo(element -> "measure".equals(element.getDomAttribute("id")));
        typeHere("Close by keyboard?");
        tabTo(element -> "options_raw".equals(element.getDomAttribute("id")));
        typeHere("yes, no");
        tabTo(element -> "submit".equals(element.getDomAttribute("type")));
        press(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-notice-link]")));

        tabTo(element -> element.getDomAttribute("data-notice-link") != null);
        press(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/manage/"));
        tabTo(element -> "close_now".equals(element.getText().strip()));
        press(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-control=reopen]")));
        assertThat(browser.findElement(By.cssSelector("[data-status]")).getDomAttribute("data-status"))
                .isEqualTo("ended");

        tabTo(element -> "reopen_mins".equals(element.getDomAttribute("id")));
        press(Keys.chord(Keys.CONTROL, "a"));
        typeHere("0");
        tabTo(element -> "reopen".equals(element.getText().strip()));
        press(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-control=close]")));
        assertThat(browser.findElement(By.cssSelector("[data-status]")).getDomAttribute("data-status"))
                .isEqualTo("active");
        assertThat(unmarked)
                .as("focused elements without a visible focus indicator")
                .isEmpty();
    }

    /** Presses Tab until the focused element is the one wanted, checking the focus indicator at every stop. */
    private void tabTo(Predicate<WebElement> wanted) {
        for (int i = 0; i < MOST_TABS; i++) {
            press(Keys.TAB);
            WebElement focused = browser.switchTo().activeElement();
            if (!Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(FOCUS_SHOWN))) {
                unmarked.add(focused.getTagName() + " " + focused.getText());
            }
            if (wanted.test(focused)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached the element wanted on " + browser.getCurrentUrl());
    }

    private void press(CharSequence keys) {
        browser.switchTo().activeElement().sendKeys(keys);
    }

    private void typeHere(String text) {
        browser.switchTo().activeElement().sendKeys(text);
    }
}
