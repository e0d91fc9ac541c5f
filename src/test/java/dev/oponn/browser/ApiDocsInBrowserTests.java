package dev.oponn.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.BrowserTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** {@code /api/docs}: the generated OpenAPI document read by swagger-ui from its webjar, under the same strict CSP. */
class ApiDocsInBrowserTests extends BrowserTest {

    @Test
    void theApiDocsPageShowsEveryOperationWithoutACspViolation() {
        browser.get(url("/api/docs"));

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
        assertThat(browser.findElements(By.cssSelector(".opblock-summary-path")))
                .extracting(e -> e.getAttribute("data-path"))
                .contains("/api/v1/ballots", "/api/v1/ballots/{id}/votes", "/api/v1/ballots/{id}/events");
        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
        assertThat(violations).isEmpty();
    }
}
