package dev.oponn.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.BrowserTest;
import dev.oponn.support.Chrome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Most voters hold a phone: every page and state of the tour at 320 and 375 CSS pixels wide scrolls only
 * downwards, every target is at least 44 by 44 pixels, no page stops the person zooming, and each field brings up
 * the keyboard that fits it.
 */
class PhoneWidthInBrowserTests extends BrowserTest {

    /**
     * What a finger can hit that is smaller than 44 by 44: every link, button and field, a radio or checkbox by its
     * label. A link inside a sentence is exempt, as WCAG's target-size rules exempt it (its line is the target).
     */
    private static final String SMALL_TARGETS = """
            const small = [];
            const seen = new Set();
            for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea')) {
              if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
              let target = el;
              if (el.matches('input[type=radio], input[type=checkbox]')) {
                target = el.closest('label') || document.querySelector('label[for="' + el.id + '"]') || el;
              }
              if (el.matches('a') && getComputedStyle(el).display === 'inline'
                  && el.parentElement && el.parentElement.textContent.trim() !== el.textContent.trim()) continue;
              if (seen.has(target)) continue;
              seen.add(target);
              const box = target.getBoundingClientRect();
              if (box.width < 44 || box.height < 44) {
                small.push(target.outerHTML.slice(0, 90) + ' is ' + Math.round(box.width) + 'x' + Math.round(box.height));
              }
            }
            return small;
            """;

    @Test
    void everyPageFitsAPhoneWithoutSidewaysScrollingAndWithTargetsAFingerCanHit() {
        List<String> problems = new ArrayList<>();
        PageTour tour = new PageTour(port);
        List<PageTour.Stop> stops = tour.stops();
        // German has the longest words of the four languages: its labels must fit the narrowest phone too.
        for (String[] pass : new String[][] {{"320", "en"}, {"375", "en"}, {"320", "de"}}) {
            int width = Integer.parseInt(pass[0]);
            String lang = pass[1];
            tour.walk(
                    stops,
                    phone -> {
                        asPhone(phone, width);
                        phone.driver().get(tour.url("/language/" + lang));
                    },
                    (stop, phone) -> {
                        JavascriptExecutor js = phone.driver();
                        long scrollWidth = (Long) js.executeScript("return document.documentElement.scrollWidth;");
                        long innerWidth = (Long) js.executeScript("return window.innerWidth;");
                        if (innerWidth != width || scrollWidth > innerWidth) {
                            problems.add("%s at %d px (%s): scrollWidth %d, innerWidth %d"
                                    .formatted(stop, width, lang, scrollWidth, innerWidth));
                        }
                        @SuppressWarnings("unchecked")
                        List<String> small = (List<String>) js.executeScript(SMALL_TARGETS);
                        small.forEach(
                                target -> problems.add("%s at %d px (%s): %s".formatted(stop, width, lang, target)));
                    });
        }
        assertThat(problems).isEmpty();
    }

    /** A phone's screen, touch and the viewport meta tag honoured: what a phone's browser lays the page out in. */
    static void asPhone(Chrome phone, int width) {
        phone.driver()
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", width, "height", 740, "deviceScaleFactor", 2, "mobile", true));
    }

    @Test
    void noPageBlocksZoomingAndEachFieldAsksForTheKeyboardThatFitsIt() {
        PageTour tour = new PageTour(port);
        tour.walk(tour.stops(), chrome -> {}, (stop, chrome) -> {
            String viewport = chrome.driver()
                    .findElement(By.cssSelector("meta[name=viewport]"))
                    .getDomAttribute("content");
            assertThat(viewport)
                    .as(stop.name())
                    .contains("width=device-width")
                    .doesNotContain("user-scalable")
                    .doesNotContain("maximum-scale");
        });

        tour.load(browser, "/create");
        assertThat(browser.findElement(By.id("per_address_cap")).getDomAttribute("inputmode"))
                .isEqualTo("numeric");
        assertThat(browser.findElement(By.id("measure")).getDomAttribute("type"))
                .isEqualTo("text");
        browser.findElement(By.cssSelector("input[name=start_time_type][value=scheduled]"))
                .click();
        PageTour.waitFor(browser, "#scheduled_start_time");
        assertThat(browser.findElement(By.id("scheduled_start_time")).getDomAttribute("type"))
                .isEqualTo("datetime-local");
    }
}
