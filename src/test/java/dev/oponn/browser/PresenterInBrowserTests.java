package dev.oponn.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.BrowserTest;
import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The presenter view in Chromium at the two projector sizes: nothing scrolls sideways, the question, the results
 * and the whole QR code are on screen, the question is large, and a vote shows up without a reload. A screenshot
 * of each size is left in {@code target/}.
 */
class PresenterInBrowserTests extends BrowserTest {

    @ParameterizedTest
    @CsvSource({"1920, 1080, 64", "1280, 720, 40"})
    void thePresenterViewFitsTheProjectorAndUpdatesLive(int width, int height, int minQuestionPx) throws Exception {
        String ballot = Flows.createBallot(
                new Device(port),
                "Which talk should open the afternoon session of the conference?",
                "keynote on accessibility, lightning talks, panel on open source funding",
                false);
        browser.manage().window().setSize(new Dimension(width, height));
        browser.get(url("/present/" + ballot));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-present-question]")));
        wait.until(d -> (Boolean) js().executeScript("var q = document.querySelector('[data-present-qr]');"
                + " return q.complete && q.naturalWidth > 0;"));

        Flows.vote(new Device(port), ballot, "2");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-option-id='2'] [data-count]"), "1"));

        @SuppressWarnings("unchecked")
        Map<String, Object> layout = (Map<String, Object>) js().executeScript("""
                var doc = document.documentElement;
                function box(sel) { var r = document.querySelector(sel).getBoundingClientRect();
                  return {top: r.top, left: r.left, bottom: r.bottom, right: r.right}; }
                return {
                  scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth,
                  innerWidth: window.innerWidth, innerHeight: window.innerHeight,
                  question: box('[data-present-question]'), qr: box('[data-present-qr]'),
                  link: box('[data-present-link]'), results: box('#results-panel'),
                  questionPx: parseFloat(getComputedStyle(document.querySelector('[data-present-question]')).fontSize)
                };""");
        save(width, height);

        assertThat(((Number) layout.get("scrollWidth")).longValue())
                .as("no horizontal scroll")
                .isLessThanOrEqualTo(((Number) layout.get("clientWidth")).longValue());
        double innerWidth = ((Number) layout.get("innerWidth")).doubleValue();
        double innerHeight = ((Number) layout.get("innerHeight")).doubleValue();
        for (String part : new String[] {"question", "qr", "link"}) {
            @SuppressWarnings("unchecked")
            Map<String, Number> box = (Map<String, Number>) layout.get(part);
            assertThat(box.get("top").doubleValue()).as(part).isGreaterThanOrEqualTo(0);
            assertThat(box.get("left").doubleValue()).as(part).isGreaterThanOrEqualTo(0);
            assertThat(box.get("right").doubleValue()).as(part).isLessThanOrEqualTo(innerWidth);
            assertThat(box.get("bottom").doubleValue())
                    .as(part + " fully on screen")
                    .isLessThanOrEqualTo(innerHeight);
        }
        @SuppressWarnings("unchecked")
        Map<String, Number> qr = (Map<String, Number>) layout.get("qr");
        assertThat(qr.get("bottom").doubleValue() - qr.get("top").doubleValue())
                .as("a QR code a phone can scan across a room")
                .isGreaterThan(height * 0.3);
        assertThat(((Number) layout.get("questionPx")).doubleValue()).isGreaterThanOrEqualTo(minQuestionPx);
        assertThat(browser.findElements(By.cssSelector("header, footer, nav, form")))
                .as("nothing else")
                .isEmpty();
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    private void save(int width, int height) throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(
                shot,
                Path.of("target", "present-" + width + "x" + height + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
