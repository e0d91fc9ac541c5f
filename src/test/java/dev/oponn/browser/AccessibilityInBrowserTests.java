package dev.oponn.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.Axe;
import dev.oponn.support.BrowserTest;
import dev.oponn.support.Chrome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules find nothing on any page or state of the tour, in the dark
 * palette and in the light one a browser asks for with {@code prefers-color-scheme: light}, at desktop and phone
 * widths.
 */
class AccessibilityInBrowserTests extends BrowserTest {

    private final Axe axe = new Axe();

    @Test
    void everyPageAndStatePassesTheAuditInTheDarkAndTheLightPalette() {
        PageTour tour = new PageTour(port);
        List<PageTour.Stop> stops = tour.stops();
        List<String> problems = new ArrayList<>();
        for (String scheme : new String[] {"dark", "light"}) {
            tour.walk(
                    stops,
                    chrome -> colorScheme(chrome, scheme),
                    (stop, chrome) -> axe.violations(chrome.driver())
                            .forEach(violation -> problems.add(stop + " (" + scheme + "): " + violation)));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyPageAndStatePassesTheAuditOnAPhone() {
        PageTour tour = new PageTour(port);
        List<String> problems = new ArrayList<>();
        tour.walk(
                tour.stops(),
                phone -> PhoneWidthInBrowserTests.asPhone(phone, 375),
                (stop, phone) -> axe.violations(phone.driver())
                        .forEach(violation -> problems.add(stop + " (375 px): " + violation)));
        assertThat(problems).isEmpty();
    }

    static void colorScheme(Chrome chrome, String scheme) {
        chrome.driver()
                .executeCdpCommand(
                        "Emulation.setEmulatedMedia",
                        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }
}
