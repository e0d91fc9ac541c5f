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

    /**
     * A ranked count (five options, several rounds) and a score count on the projector: the winner and the whole
     * table are on screen without scrolling either way, its figures are large enough to read, and the page
     * follows a new ballot live.
     */
    @ParameterizedTest
    @CsvSource({"ranked, 1920, 1080, 24", "ranked, 1280, 720, 16", "score, 1920, 1080, 24", "score, 1280, 720, 16"})
    void aRankedOrScoreCountFitsTheProjectorAndUpdatesLive(String method, int width, int height, int minCellPx)
            throws Exception {
        String ballot = Flows.createBallotWith(
                new Device(port),
                "measure",
                "Which talk should open the afternoon session of the conference?",
                "options_raw",
                "keynote on accessibility, lightning talks, panel on open source funding, live demo, closing Q&A",
                "start_time_type",
                "now",
                "duration_mins",
                "0",
                "voting_method",
                method);
        // Rankings whose instant runoff needs several rounds: 1 and 2 lead, 3, 4 and 5 go one by one.
        String[] cast = method.equals("ranked")
                ? new String[] {"1,2", "1,2", "1,3", "2,1", "2,1", "2,4", "3,2", "4,1", "5,4"}
                : new String[] {"1:5,2:3", "1:4,3:2", "2:5,1:1", "3:2,4:4", "5:1,2:2"};
        for (String marks : cast) {
            assertThat(castAs(ballot, method, marks)).isEqualTo(303);
        }
        browser.manage().window().setSize(new Dimension(width, height));
        browser.get(url("/present/" + ballot));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-winner]")));
        wait.until(d -> (Boolean) js().executeScript("var q = document.querySelector('[data-present-qr]');"
                + " return q.complete && q.naturalWidth > 0;"));
        String table = method.equals("ranked") ? "[data-rounds]" : "[data-scores]";
        if (method.equals("ranked")) {
            assertThat(browser.findElements(By.cssSelector("[data-rounds] thead th")))
                    .as("the option column and at least three rounds")
                    .hasSizeGreaterThanOrEqualTo(4);
        }

        assertThat(castAs(ballot, method, method.equals("ranked") ? "5,1" : "4:5"))
                .isEqualTo(303);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#results-panel .status .total"), String.valueOf(cast.length + 1)));

        @SuppressWarnings("unchecked")
        Map<String, Object> layout = (Map<String, Object>) js().executeScript("""
                var doc = document.documentElement;
                function box(sel) { var r = document.querySelector(sel).getBoundingClientRect();
                  return {top: r.top, left: r.left, bottom: r.bottom, right: r.right}; }
                var scroller = document.querySelector(arguments[0]).closest('.table-scroll');
                return {
                  scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth,
                  scrollHeight: doc.scrollHeight, clientHeight: doc.clientHeight,
                  tableScrollWidth: scroller.scrollWidth, tableClientWidth: scroller.clientWidth,
                  innerWidth: window.innerWidth, innerHeight: window.innerHeight,
                  question: box('[data-present-question]'), qr: box('[data-present-qr]'),
                  link: box('[data-present-link]'), winner: box('[data-winner]'), table: box(arguments[0]),
                  cellPx: parseFloat(getComputedStyle(document.querySelector(arguments[0] + ' td')).fontSize)
                };""", table);
        save(method + "-" + width, height);

        assertThat(((Number) layout.get("scrollWidth")).longValue())
                .as("no horizontal scroll")
                .isLessThanOrEqualTo(((Number) layout.get("clientWidth")).longValue());
        assertThat(((Number) layout.get("scrollHeight")).longValue())
                .as("no vertical scroll: nobody scrolls a projector")
                .isLessThanOrEqualTo(((Number) layout.get("clientHeight")).longValue());
        assertThat(((Number) layout.get("tableScrollWidth")).longValue())
                .as("the table needs no scrolling of its own")
                .isLessThanOrEqualTo(((Number) layout.get("tableClientWidth")).longValue());
        double innerWidth = ((Number) layout.get("innerWidth")).doubleValue();
        double innerHeight = ((Number) layout.get("innerHeight")).doubleValue();
        for (String part : new String[] {"question", "qr", "link", "winner", "table"}) {
            @SuppressWarnings("unchecked")
            Map<String, Number> box = (Map<String, Number>) layout.get(part);
            assertThat(box.get("top").doubleValue()).as(part).isGreaterThanOrEqualTo(0);
            assertThat(box.get("left").doubleValue()).as(part).isGreaterThanOrEqualTo(0);
            assertThat(box.get("right").doubleValue()).as(part).isLessThanOrEqualTo(innerWidth);
            assertThat(box.get("bottom").doubleValue())
                    .as(part + " fully on screen")
                    .isLessThanOrEqualTo(innerHeight);
        }
        assertThat(((Number) layout.get("cellPx")).doubleValue())
                .as("figures readable from the back of the room")
                .isGreaterThanOrEqualTo(minCellPx);
        assertThat(chrome.consoleErrors()).isEmpty();
    }

    /** Casts one ballot as a new device: a ranking ({@code 3,1}) or stars ({@code 1:5,2:3}). */
    private int castAs(String ballot, String method, String marks) {
        Device voter = new Device(port);
        Flows.openVotePage(voter, ballot);
        if (method.equals("ranked")) {
            return voter.post("/vote/" + ballot, "ranking", marks).status();
        }
        java.util.List<String> fields = new java.util.ArrayList<>();
        for (String mark : marks.split(",")) {
            String[] optionAndStars = mark.split(":");
            fields.add("score_" + optionAndStars[0]);
            fields.add(optionAndStars[1]);
        }
        return voter.postAll("/vote/" + ballot, false, fields.toArray(String[]::new))
                .status();
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    private void save(Object width, int height) throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(
                shot,
                Path.of("target", "present-" + width + "x" + height + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
