package dev.oponn.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Client errors (4xx) without a log line each. Anyone can ask for paths that do not exist, send the wrong method,
 * a forged form or an oversized request as fast as they like (scanners do, all day), so one line per refusal is log
 * volume a stranger controls. Every client error counts in {@code oponn.http.client_errors{status}} (and a 404 also
 * in {@code oponn.http.not_found}); the log gets at most one {@code http.<title>} line per status per
 * {@link #INTERVAL}, carrying how many of that status there were since its previous line ({@code count}) and the
 * route shape of the one that wrote it. The first of a status after a quiet interval is logged at once; the last
 * ones of a burst wait in the count until the next of that status, and the metrics have them all. Server errors
 * (5xx) are not here: they are Oponn's to fix, and {@link ErrorPages} logs each one.
 */
@Component
final class ClientErrorLog {

    private static final Logger log = LoggerFactory.getLogger(ClientErrorLog.class);
    static final Duration INTERVAL = Duration.ofMinutes(1);

    private final MeterRegistry meters;
    private final Counter notFound;
    private final Clock clock;

    /** One entry per 4xx status seen: at most a hundred, and in practice a handful. */
    private final ConcurrentMap<Integer, Aggregate> statuses = new ConcurrentHashMap<>();

    ClientErrorLog(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.notFound = Counter.builder("oponn.http.not_found")
                .description("Requests answered 404")
                .register(meters);
        this.clock = clock;
    }

    /** A client error answered with {@code status} (400 to 499) on a route of this shape ({@link PathTemplate}). */
    void record(int status, String pathTemplate) {
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("not a client error: " + status);
        }
        if (status == HttpStatus.NOT_FOUND.value()) {
            notFound.increment();
        }
        Aggregate aggregate = statuses.computeIfAbsent(status, this::aggregate);
        aggregate.counter.increment();
        aggregate.unlogged.increment();
        long now = clock.millis();
        long last = aggregate.lastLineMillis.get();
        if (now - last < INTERVAL.toMillis() || !aggregate.lastLineMillis.compareAndSet(last, now)) {
            return;
        }
        log.atInfo()
                .setMessage("http." + title(status))
                .addKeyValue("status", status)
                .addKeyValue("path", pathTemplate)
                .addKeyValue("count", aggregate.unlogged.sumThenReset())
                .log();
    }

    private Aggregate aggregate(int status) {
        return new Aggregate(
                Counter.builder("oponn.http.client_errors")
                        .description("Requests answered with a client error (4xx)")
                        .tag("status", String.valueOf(status))
                        .register(meters),
                new LongAdder(),
                new AtomicLong(clock.millis() - INTERVAL.toMillis()));
    }

    private static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return ErrorPages.title(known == null ? HttpStatus.BAD_REQUEST : known);
    }

    private record Aggregate(Counter counter, LongAdder unlogged, AtomicLong lastLineMillis) {}
}
