package dev.oponn.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.BrowserTest;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The strict Content-Security-Policy (no inline script, no inline style, no eval) holds on every page while a person
 * uses it in a real browser, HTMX swaps included: Chromium reports each violation on the console, and the console
 * must stay clean. The last test shows that a violation does reach the console, so a clean one means something.
 */
class CspInBrowserTests extends BrowserTest {

    @Test
    void everyPageAndEveryHtmxSwapRunsWithoutACspViolation() {
        visit("/");
        assertCleanConsole("dashboard");
        visit("/login");
        assertCleanConsole("login");

        visit("/create");
        browser.findElement(By.cssSelector("input[name=start_time_type][value=scheduled]"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("scheduled_start_time")));
        browser.findElement(By.cssSelector("input[name=start_time_type][value=now]"))
                .click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.name("scheduled_start_time"), 0));
        browser.findElement(By.cssSelector("input[name=start_time_type][value=scheduled]"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("scheduled_start_time")));
        browser.findElement(By.cssSelector("input[name=start_time_type][value=now]"))
                .click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.name("scheduled_start_time"), 0));
        browser.findElement(By.name("measure")).sendKeys("ab");
        submit("#create-form");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-error-for=measure]")));
        assertCleanConsole("create form, start time partial and validation swaps");

        browser.findElement(By.name("measure")).sendKeys("c: does the policy hold?");
        browser.findElement(By.name("options_raw")).sendKeys("yes, no");
        submit("#create-form");
        wait.until(ExpectedConditions.urlMatches(".*/vote/[A-Za-z0-9_-]{22}$"));
        assertCleanConsole("HX-Redirect to the vote page");

        submit("#vote-form");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-error-for=option_id]")));
        assertCleanConsole("vote form validation swap");
        browser.findElement(By.cssSelector("input[name=option_id][value='1']")).click();
        submit("#vote-form");
        wait.until(ExpectedConditions.urlContains("/results/"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".bars")));
        assertCleanConsole("results page");

        visit("/vote/AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("404 not_found");
        assertThat(cspViolations(console())).as("error page").isEmpty();
    }

    @Test
    void aViolationShowsOnTheConsoleAndIsBlocked() {
        visit("/create");
        Object ran = chrome.driver().executeScript("""
                        var script = document.createElement('script');
                        script.textContent = 'window.inlineRan = true;';
                        document.body.appendChild(script);
                        return window.inlineRan === true;""");
        assertThat(ran).isEqualTo(false);
        assertThat(cspViolations(console())).isNotEmpty();
    }

    private void visit(String path) {
        browser.get("http://127.0.0.1:" + port + path);
        wait.until(driver -> "complete".equals(chrome.driver().executeScript("return document.readyState")));
    }

    private void submit(String form) {
        browser.findElement(By.cssSelector(form + " button[type=submit]")).click();
    }

    private List<LogEntry> console() {
        return browser.manage().logs().get(LogType.BROWSER).getAll();
    }

    private void assertCleanConsole(String where) {
        List<LogEntry> entries = console();
        assertThat(cspViolations(entries)).as(where).isEmpty();
        assertThat(entries.stream()
                        .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                        .map(LogEntry::getMessage))
                .as(where)
                .isEmpty();
    }

    private static List<String> cspViolations(List<LogEntry> entries) {
        return entries.stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
    }
}
