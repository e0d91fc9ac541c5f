package dev.oponn.web;

import static org.assertj.core.api.Assertions.assertThat;

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

@ExtendWith(OutputCaptureExtension.class)
class NotFoundLogTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SettableClock clock = new SettableClock();
    private final NotFoundLog notFound = new NotFoundLog(meters, clock);

    @Test
    void aBurstOfProbesWritesOneLineAndCountsEveryOne(CapturedOutput output) {
        for (int i = 0; i < 100; i++) {
            notFound.record("/vote/*");
        }

        assertThat(lines(output)).as("the first at once, the rest held back").isEqualTo(1);
        assertThat(output.getOut()).contains("count=\"1\"");
        assertThat(meters.get("oponn.http.not_found").counter().count()).isEqualTo(100);
    }

    @Test
    void theNextLineAfterTheIntervalCarriesWhatWasHeldBack(CapturedOutput output) {
        for (int i = 0; i < 100; i++) {
            notFound.record("/vote/*");
        }
        clock.advance(NotFoundLog.INTERVAL.minusSeconds(1));
        notFound.record("/vote/*");
        assertThat(lines(output)).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        notFound.record("/results/*");

        assertThat(lines(output)).isEqualTo(2);
        assertThat(output.getOut()).contains("path=\"/results/*\" count=\"101\"");
        assertThat(meters.get("oponn.http.not_found").counter().count()).isEqualTo(102);
    }

    private static long lines(CapturedOutput output) {
        return output.getOut().lines().filter(l -> l.contains("http.not_found")).count();
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
