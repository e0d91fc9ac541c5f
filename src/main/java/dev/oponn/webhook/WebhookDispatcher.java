package dev.oponn.webhook;

import dev.oponn.ballot.BallotCatalog;
import dev.oponn.results.ResultsDocument;
import dev.oponn.results.ResultsService;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox. Twice a second (and at once when woken) it writes the messages of ballots that ended, then
 * claims due messages for a lease and sends each on its own virtual thread: a slow or dead receiver holds only its
 * own delivery, never a vote or another receiver. A 2xx is delivered; anything else (an error status, a redirect,
 * which is never followed, a timeout, a refused destination) is tried again after a backoff, ten attempts in all.
 * A message claimed by an instance that dies is tried again when its lease runs out: at least once, same id.
 */
@Component
class WebhookDispatcher implements SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    /** Votes in flight when a ballot's end passes still commit: the final tally is read this long after it. */
    static final Duration FINAL_GRACE = Duration.ofSeconds(1);

    static final int MAX_ATTEMPTS = 10;
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Longer than an attempt can take, so a claimed message is never sent twice at once. */
    private static final Duration LEASE = Duration.ofSeconds(60);

    private static final long PERIOD_MILLIS = 500;
    private static final int BATCH = 50;
    private static final long TICKS_BETWEEN_CLEANUPS = 7200;

    private final Outbox outbox;
    private final Messages messages;
    private final BallotCatalog catalog;
    private final ResultsService results;
    private final Destinations destinations;
    private final WebhookSecrets secrets;
    private final TransactionTemplate transactions;
    private final WebhookProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("webhook-timer").factory());
    private final ExecutorService senders = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("webhook-", 0).factory());
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<@Nullable ScheduledFuture<?>> schedule = new AtomicReference<>();
    private final AtomicBoolean ticking = new AtomicBoolean();
    private final AtomicLong ticks = new AtomicLong();

    WebhookDispatcher(
            Outbox outbox,
            Messages messages,
            BallotCatalog catalog,
            ResultsService results,
            Destinations destinations,
            WebhookSecrets secrets,
            TransactionTemplate transactions,
            WebhookProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.outbox = outbox;
        this.messages = messages;
        this.catalog = catalog;
        this.results = results;
        this.destinations = destinations;
        this.secrets = secrets;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    void wake() {
        schedule(0);
    }

    void wakeAfterGrace() {
        schedule(FINAL_GRACE.toMillis() + 50);
    }

    private void schedule(long delayMillis) {
        if (!running.get()) {
            return;
        }
        try {
            timer.schedule(this::tick, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // The context is closing; what is due stays in the outbox for the next start.
        }
    }

    private void tick() {
        if (!running.get() || !ticking.compareAndSet(false, true)) {
            return;
        }
        try {
            writeEnds();
            for (Outbox.Due due : outbox.claim(BATCH, LEASE)) {
                senders.execute(() -> send(due));
            }
            if (ticks.incrementAndGet() % TICKS_BETWEEN_CLEANUPS == 0) {
                outbox.sweepFinished();
            }
        } catch (RuntimeException e) {
            // The database may be restarting: everything is still in the outbox, and the next tick tries again.
            log.atWarn().setMessage("webhook.tick_failed").setCause(e).log();
        } finally {
            ticking.set(false);
        }
    }

    /** The messages of every end not yet told, with each registration's marker, in one transaction. */
    private void writeEnds() {
        transactions.executeWithoutResult(tx -> {
            for (Outbox.Ended ended : outbox.endedSinceTold(FINAL_GRACE, BATCH)) {
                Outbox.Registration webhook = ended.webhook();
                if (webhook.events().contains(WebhookEvent.BALLOT_CLOSED)) {
                    outbox.enqueue(
                            messages.newId(),
                            webhook,
                            WebhookEvent.BALLOT_CLOSED,
                            messages.closed(webhook.ballot(), ended.endsAt()));
                }
                if (webhook.events().contains(WebhookEvent.RESULTS_FINAL)) {
                    // Read through the results service, as the results page reads it, for every voting method.
                    catalog.find(webhook.ballot())
                            .map(ballot -> ResultsDocument.of(results.current(ballot), clock.instant()))
                            .ifPresent(tally -> outbox.enqueue(
                                    messages.newId(),
                                    webhook,
                                    WebhookEvent.RESULTS_FINAL,
                                    messages.finalResults(tally, ended.endsAt())));
                }
                outbox.told(webhook.id(), ended.endsAt());
            }
        });
    }

    private void send(Outbox.Due due) {
        int status = 0;
        try {
            if (destinations.refusal(due.url()).isPresent()) {
                log.atInfo()
                        .setMessage("webhook.destination_refused")
                        .addKeyValue("message", due.id())
                        .log();
            } else {
                status = post(due);
            }
        } catch (IOException | RuntimeException e) {
            log.atInfo()
                    .setMessage("webhook.attempt_failed")
                    .addKeyValue("message", due.id())
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            if (status >= 200 && status < 300) {
                outbox.delivered(due.id(), status);
                count("delivered");
                return;
            }
            boolean giveUp = due.attempts() >= MAX_ATTEMPTS;
            outbox.failed(due.id(), status, backoff(due.attempts()), giveUp);
            count(giveUp ? "abandoned" : "retried");
            log.atInfo()
                    .setMessage(giveUp ? "webhook.abandoned" : "webhook.retrying")
                    .addKeyValue("message", due.id())
                    .addKeyValue("status", status)
                    .addKeyValue("attempts", due.attempts())
                    .log();
        } catch (RuntimeException e) {
            // Unrecorded: the lease runs out and the message is tried again, at least once as promised.
            log.atWarn().setMessage("webhook.record_failed").setCause(e).log();
        }
    }

    private int post(Outbox.Due due) throws IOException, InterruptedException {
        long timestamp = clock.instant().getEpochSecond();
        byte[] key = secrets.open(due.secret());
        HttpRequest request = HttpRequest.newBuilder(URI.create(due.url()))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Oponn-Webhooks")
                .header("webhook-id", due.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSecrets.signature(key, due.id(), timestamp, due.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(due.payload()))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The wait after attempt {@code n}: the configured delay, four times longer each time, at most an hour. */
    Duration backoff(int attempts) {
        Duration wait = properties.retryDelay();
        for (int i = 1; i < attempts && wait.compareTo(MAX_BACKOFF) < 0; i++) {
            wait = wait.multipliedBy(4);
        }
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private void count(String outcome) {
        meters.counter("oponn.webhooks.deliveries", List.of(io.micrometer.core.instrument.Tag.of("outcome", outcome)))
                .increment();
    }

    @Override
    public void start() {
        if (running.compareAndSet(false, true)) {
            schedule.set(timer.scheduleWithFixedDelay(this::tick, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS));
        }
    }

    /** Stops claiming (a stopped context may start again); attempts in flight finish or time out. */
    @Override
    public void stop() {
        if (running.compareAndSet(true, false)) {
            ScheduledFuture<?> ticking = schedule.getAndSet(null);
            if (ticking != null) {
                ticking.cancel(false);
            }
        }
    }

    /** With the context: attempts in flight are cut off and, unrecorded, tried again after their lease. */
    @Override
    public void close() {
        stop();
        timer.shutdownNow();
        senders.shutdownNow();
        http.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
