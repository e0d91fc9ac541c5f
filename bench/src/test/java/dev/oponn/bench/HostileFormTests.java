package dev.oponn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostileFormTests {

    @Test
    void theHostileBodyIsTwentyOneThousandValuesOfOneNameJustUnderTheFormLimit() {
        HttpRequest hostile = HostileFormPhase.repeatedValues(HostileFormPhase.HOSTILE_VALUES);
        String body = new String(hostile.body(), StandardCharsets.US_ASCII);

        assertThat(body.split("&", -1)).hasSize(21_000).containsOnly("p=");
        assertThat(hostile.body().length).isBetween(62 * 1000, 64 * 1024 - 1);
        assertThat(hostile.method()).isEqualTo("POST");
        assertThat(new String(hostile.encode("127.0.0.1"), StandardCharsets.US_ASCII))
                .startsWith("POST /no-such-page HTTP/1.1\r\n")
                .contains("Content-Type: application/x-www-form-urlencoded\r\n")
                .contains("Content-Length: " + hostile.body().length + "\r\n");
    }

    @Test
    void theOrdinaryRefusalIsOneValueOverTheLimitOfAHundred() {
        HttpRequest ordinary = HostileFormPhase.repeatedValues(HostileFormPhase.ORDINARY_VALUES);

        assertThat(new String(ordinary.body(), StandardCharsets.US_ASCII).split("&", -1))
                .hasSize(101);
    }

    @Test
    void theHostileFigureIsReadAsARatioToTheOrdinaryRefusal() {
        Report report = new Report();
        report.put("hostile_form_cpu_ms_per_request", 3.0);
        report.put("refused_form_cpu_ms_per_request", 0.25);

        Verdicts.addRatiosAndTargets(report);

        @SuppressWarnings("unchecked")
        Map<String, Object> ratios = (Map<String, Object>) report.get("ratios");
        assertThat(ratios).containsEntry("hostile_form_cpu_to_refused_form", 12.0);
        assertThat(HtmlReport.render(report)).contains("server CPU per hostile form refused", "12.0");
    }
}
