package dev.oponn.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A person in a real browser: the pages, HTMX, CSRF and escaping working together. */
class BallotInBrowserTests extends BrowserTest {

    @Test
    void createsABallotThroughTheFormVotesAndSeesTheResult() {
        browser.get(url("/create"));
        browser.findElement(By.name("measure")).sendKeys("Which day for the retro?");
        browser.findElement(By.name("options_raw")).sendKeys("monday, thursday");
        browser.findElement(By.cssSelector("#create-form button[type=submit]")).click();

        wait.until(ExpectedConditions.urlMatches(".*/vote/[A-Za-z0-9_-]{22}$"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("> vote_on: Which day for the retro?");

        radioFor("thursday").click();
        browser.findElement(By.cssSelector("#vote-form button[type=submit]")).click();

        wait.until(ExpectedConditions.urlContains("/results/"));
        WebElement thursday =
                browser.findElement(By.xpath("//li[contains(@class,'bar-row')][contains(., 'thursday')]"));
        assertThat(thursday.findElement(By.cssSelector(".count")).getText()).isEqualTo("1");
        assertThat(thursday.getAttribute("class")).contains("leader");
        assertThat(chrome.consoleErrors()).isEmpty();
    }

    @Test
    void showsValidationMessagesInPlaceWithoutLosingInput() {
        browser.get(url("/create"));
        browser.findElement(By.name("measure")).sendKeys("ab");
        browser.findElement(By.name("options_raw")).sendKeys("only one");
        browser.findElement(By.cssSelector("#create-form button[type=submit]")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-error-for=measure]")));
        assertThat(browser.getCurrentUrl()).endsWith("/create");
        assertThat(browser.findElement(By.cssSelector("[data-error-for=measure]"))
                        .getText())
                .isEqualTo("at least 3 characters");
        assertThat(browser.findElement(By.name("options_raw")).getAttribute("value"))
                .isEqualTo("only one");
    }

    @Test
    void htmlTypedIntoTheMeasureOrAWriteInShowsAsTextAndRunsNothing() {
        String measure = "<script>alert('measure')</script><b>bold?</b>";
        String writeIn = "<img src=x onerror=alert('write-in')>";
        browser.get(url("/create"));
        browser.findElement(By.name("measure")).sendKeys(measure);
        browser.findElement(By.name("options_raw")).sendKeys("plain");
        browser.findElement(By.name("allow_write_in")).click();
        browser.findElement(By.cssSelector("#create-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/vote/"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("> vote_on: " + measure);
        assertThat(browser.findElements(By.cssSelector("h1 b"))).isEmpty();

        radioForValue("__write_in__").click();
        browser.findElement(By.name("write_in_value")).sendKeys(writeIn);
        browser.findElement(By.cssSelector("#vote-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/results/"));

        assertThat(browser.findElement(By.cssSelector(".bars")).getText()).contains(writeIn);
        assertThat(browser.findElements(By.cssSelector(".bars img"))).isEmpty();
        assertNoAlert();
    }

    private WebElement radioFor(String label) {
        return browser.findElement(
                By.xpath("//label[contains(@class,'option')][normalize-space(.)='" + label + "']/input"));
    }

    private WebElement radioForValue(String value) {
        return browser.findElement(By.cssSelector("input[name=option_id][value='" + value + "']"));
    }

    private void assertNoAlert() {
        try {
            browser.switchTo().alert();
            throw new AssertionError("a script ran and opened an alert");
        } catch (NoAlertPresentException expected) {
            // Nothing ran.
        }
    }
}
