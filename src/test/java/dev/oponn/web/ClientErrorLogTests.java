package dev.oponn.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Client errors are a stranger's to send: counted every one, logged at most a line a minute per status. */
@ExtendWith(OutputCaptureExtension.class)
class ClientErrorLogTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SettableClock clock = new SettableClock();
    private final ClientErrorLog clientErrors = new ClientErrorLog(meters, clock);

    @Test
    void aBurstOfProbesWritesOneLineAndCountsEveryOne(CapturedOutput output) {
        for (int i = 0; i < 100; i++) {
            clientErrors.record(404, "/vote/*");
        }

        assertThat(lines(output, "http.not_found"))
                .as("the first at once, the rest held back")
                .isEqualTo(1);
        assertThat(output.getOut()).contains("count=\"1\"");
        assertThat(meters.get("oponn.http.not_found").counter().count()).isEqualTo(100);
        assertThat(clientErrors("404")).isEqualTo(100);
    }

    @Test
    void theNextLineAfterTheIntervalCarriesWhatWasHeldBack(CapturedOutput output) {
        for (int i = 0; i < 100; i++) {
            clientErrors.record(404, "/vote/*");
        }
        clock.advance(ClientErrorLog.INTERVAL.minusSeconds(1));
        clientErrors.record(404, "/vote/*");
        assertThat(lines(output, "http.not_found")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        clientErrors.record(404, "/results/*");

        assertThat(lines(output, "http.not_found")).isEqualTo(2);
        assertThat(output.getOut()).contains("path=\"/results/*\" count=\"101\"");
        assertThat(meters.get("oponn.http.not_found").counter().count()).isEqualTo(102);
    }

    @Test
    void aHundredOfEachClientErrorWriteALineEachAndCountEveryOne(CapturedOutput output) {
        for (int i = 0; i < 100; i++) {
            clientErrors.record(405, "/results/*");
            clientErrors.record(403, "/vote/*");
            clientErrors.record(431, "*");
        }

        assertThat(lines(output, "http.method_not_allowed", "status=\"405\"")).isEqualTo(1);
        assertThat(lines(output, "http.forbidden", "status=\"403\"")).isEqualTo(1);
        assertThat(lines(output, "status=\"431\"")).isEqualTo(1);
        assertThat(output.getOut().lines().filter(l -> l.contains("status="))).hasSize(3);
        assertThat(clientErrors("405")).isEqualTo(100);
        assertThat(clientErrors("403")).isEqualTo(100);
        assertThat(clientErrors("431")).isEqualTo(100);
        assertThat(meters.find("oponn.http.not_found").counter().count())
                .as("not found counts only 404s")
                .isZero();

        clock.advance(ClientErrorLog.INTERVAL);
        clientErrors.record(405, "/create");
        assertThat(output.getOut())
                .as("each status carries its own count")
                .contains("status=\"405\" path=\"/create\" count=\"100\"");
        assertThat(lines(output, "http.forbidden")).isEqualTo(1);
    }

    @Test
    void aServerErrorIsNotAClientErrorToAggregate() {
        assertThatThrownBy(() -> clientErrors.record(500, "/vote/*")).isInstanceOf(IllegalArgumentException.class);
    }

    private double clientErrors(String status) {
        return meters.get("oponn.http.client_errors")
                .tag("status", status)
                .counter()
                .count();
    }

    /** Lines holding every one of {@code parts}. */
    private static long lines(CapturedOutput output, String... parts) {
        return output.getOut()
                .lines()
                .filter(line -> java.util.Arrays.stream(parts).allMatch(line::contains))
                .count();
    }

    private static final class SettableClock extends Clock {

        private Instant now = Instant.parse("2026-12-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
