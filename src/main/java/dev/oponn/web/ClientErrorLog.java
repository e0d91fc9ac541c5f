package dev.oponn.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 404s without a log line each. Anyone can ask for paths that do not exist as fast as they like (scanners do, all
 * day), so one line per 404 is log volume a stranger controls. Every 404 counts in {@code oponn.http.not_found}; the
 * log gets at most one {@code http.not_found} line per {@link #INTERVAL}, carrying how many there were since the
 * previous line ({@code count}) and the route shape of the one that wrote it. The first 404 after a quiet interval is
 * logged at once; the last ones of a burst wait in the count until the next 404, and the metric has them all.
 */
@Component
final class NotFoundLog {

    private static final Logger log = LoggerFactory.getLogger(NotFoundLog.class);
    static final Duration INTERVAL = Duration.ofMinutes(1);

    private final Counter notFound;
    private final LongAdder unlogged = new LongAdder();
    private final Clock clock;
    private final AtomicLong lastLineMillis;

    NotFoundLog(MeterRegistry meters, Clock clock) {
        this.notFound = Counter.builder("oponn.http.not_found")
                .description("Requests answered 404")
                .register(meters);
        this.clock = clock;
        this.lastLineMillis = new AtomicLong(clock.millis() - INTERVAL.toMillis());
    }

    void record(String pathTemplate) {
        notFound.increment();
        unlogged.increment();
        long now = clock.millis();
        long last = lastLineMillis.get();
        if (now - last < INTERVAL.toMillis() || !lastLineMillis.compareAndSet(last, now)) {
            return;
        }
        log.atInfo()
                .setMessage("http.not_found")
                .addKeyValue("status", 404)
                .addKeyValue("path", pathTemplate)
                .addKeyValue("count", unlogged.sumThenReset())
                .log();
    }
}
