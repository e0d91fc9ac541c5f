package dev.oponn.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * What the live path reports: how many viewers are connected, how many events went out, how often a panel was
 * rendered, and how long a vote takes from its commit to the write on each viewer's connection.
 */
@Component
class LiveMetrics {

    static final String VIEWERS = "oponn.live.viewers";
    static final String EVENTS_SENT = "oponn.live.events.sent";
    static final String RENDERS = "oponn.live.renders";
    static final String DROPPED = "oponn.live.viewers.dropped";
    static final String REFUSED = "oponn.live.streams.refused";
    static final String FAN_OUT_LATENCY = "oponn.live.fanout.latency";
    static final String ANNOUNCEMENTS_FAILED = "oponn.live.announcements.failed";

    private final MeterRegistry registry;
    private final Counter eventsSent;
    private final Counter renders;
    private final Timer fanOutLatency;
    private final Counter announcementsFailed;

    LiveMetrics(MeterRegistry registry, StreamAdmission admission) {
        this.registry = registry;
        Gauge.builder(VIEWERS, admission, StreamAdmission::open)
                .description("Live results streams open on this instance")
                .register(registry);
        this.eventsSent = Counter.builder(EVENTS_SENT)
                .description("Result updates written to viewers' connections")
                .register(registry);
        this.renders = Counter.builder(RENDERS)
                .description("Results panels rendered for the live stream (one per change, not per viewer)")
                .register(registry);
        this.fanOutLatency = Timer.builder(FAN_OUT_LATENCY)
                .description("From a vote's commit to the write of the update carrying it on a viewer's connection")
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        this.announcementsFailed = Counter.builder(ANNOUNCEMENTS_FAILED)
                .description("Votes this instance could not announce on Redis (other instances re-read on reconnect)")
                .register(registry);
    }

    void sent(Frame frame, long nowMillis) {
        eventsSent.increment();
        if (frame.committedAtMillis() > 0) {
            fanOutLatency.record(Math.max(0, nowMillis - frame.committedAtMillis()), TimeUnit.MILLISECONDS);
        }
    }

    void announcementFailed() {
        announcementsFailed.increment();
    }

    void rendered() {
        renders.increment();
    }

    void dropped(String reason) {
        registry.counter(DROPPED, "reason", reason).increment();
    }

    void refused(String reason) {
        registry.counter(REFUSED, "reason", reason).increment();
    }
}
