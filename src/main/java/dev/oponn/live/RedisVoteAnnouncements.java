package dev.oponn.live;

import dev.oponn.ballot.BallotId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Announcements across instances on Redis channel {@code ballot:{id}:updates}, body {@code origin committedAtMillis}
 * for votes (owner changes travel on {@code ballots:changes}, {@link RedisBallotNotices}).
 * Every instance subscribes to the pattern once, so no subscription has to be set up (and no message can be missed
 * in between) when a viewer arrives; announcements for ballots nobody here watches cost a map look-up.
 *
 * <p>The vote's own instance tells its viewers directly and ignores its own message, so it keeps working while
 * Redis is away. Publishing happens on one background thread that keeps, per ballot, only the oldest commit not yet
 * announced: a vote never waits for Redis, and an outage cannot pile up more than one entry per ballot.
 *
 * <p>A ballot is published at most once per publish interval (a quarter of the coalescing interval): a lone vote
 * goes out at once, and a burst becomes one message per ballot per interval. Viewers are pushed at most once per
 * coalescing interval anyway, and each message costs a Redis round trip here and a delivery to every instance: one
 * message per vote cost a quarter of one instance's throughput in the benchmark.
 *
 * <p>Redis pub/sub forgets what it could not deliver. Lettuce reconnects and subscribes again by itself; each
 * (re)subscription is confirmed through {@link #onPatternSubscribed}, and then every ballot watched here is re-read
 * from PostgreSQL.
 */
final class RedisVoteAnnouncements implements VoteAnnouncements, MessageListener, SubscriptionListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisVoteAnnouncements.class);

    static final String CHANNEL_PATTERN = "ballot:*:updates";
    private static final String PREFIX = "ballot:";
    private static final String SUFFIX = ":updates";

    private final LiveResults live;
    private final StringRedisTemplate redis;
    private final String origin = UUID.randomUUID().toString();
    private final Map<BallotId, Long> unannounced = new ConcurrentHashMap<>();
    private final Semaphore wake = new Semaphore(0);
    private final AtomicInteger publishing = new AtomicInteger();
    private final LiveMetrics metrics;
    private final long publishIntervalNanos;
    private volatile boolean open = true;

    RedisVoteAnnouncements(
            LiveResults live,
            StringRedisTemplate redis,
            RedisMessageListenerContainer container,
            LiveThreads threads,
            LiveMetrics metrics,
            Duration publishInterval) {
        this.live = live;
        this.redis = redis;
        this.metrics = metrics;
        this.publishIntervalNanos = publishInterval.toNanos();
        container.addMessageListener(this, new PatternTopic(CHANNEL_PATTERN));
        threads.run(this::publishUntilClosed);
    }

    static String channel(BallotId ballot) {
        return PREFIX + ballot.value() + SUFFIX;
    }

    @Override
    public void announce(BallotId ballot, long committedAtMillis) {
        live.changed(ballot, committedAtMillis);
        publishing.incrementAndGet();
        unannounced.merge(ballot, committedAtMillis, Math::min);
        wake.release();
    }

    /** Whether every announcement made so far has been published or has failed. */
    boolean idle() {
        return publishing.get() == 0;
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        Optional<BallotId> ballot = ballotOf(new String(message.getChannel(), StandardCharsets.UTF_8));
        String[] body = new String(message.getBody(), StandardCharsets.UTF_8).split(" ", 2);
        if (ballot.isEmpty() || body[0].equals(origin)) {
            return;
        }
        live.changed(ballot.get(), body.length == 2 ? millis(body[1]) : 0);
    }

    @Override
    public void onPatternSubscribed(byte[] pattern, long count) {
        log.atInfo()
                .setMessage("live.subscribed")
                .addKeyValue("pattern", CHANNEL_PATTERN)
                .log();
        live.refreshAll();
    }

    static Optional<BallotId> ballotOf(String channel) {
        if (!channel.startsWith(PREFIX) || !channel.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        return BallotId.parse(channel.substring(PREFIX.length(), channel.length() - SUFFIX.length()));
    }

    private static long millis(String text) {
        try {
            return Math.max(0, Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void publishUntilClosed() {
        while (open) {
            try {
                wake.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long started = System.nanoTime();
            int announced = wake.drainPermits() + 1;
            for (BallotId ballot : unannounced.keySet()) {
                Long committedAt = unannounced.remove(ballot);
                if (committedAt != null) {
                    publish(ballot, committedAt);
                }
            }
            publishing.addAndGet(-announced);
            // What arrives meanwhile waits for the next round, merged per ballot.
            long rest = publishIntervalNanos - (System.nanoTime() - started);
            if (rest > 0 && open) {
                try {
                    Thread.sleep(Duration.ofNanos(rest));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void publish(BallotId ballot, long committedAtMillis) {
        try {
            redis.convertAndSend(channel(ballot), origin + " " + committedAtMillis);
        } catch (RuntimeException e) {
            // Other instances miss this one; they re-read every watched ballot when their subscription returns.
            metrics.announcementFailed();
            log.atWarn()
                    .setMessage("live.announce_failed")
                    .addKeyValue("ballot", live.fingerprint(ballot))
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log();
        }
    }

    @Override
    public void close() {
        open = false;
        wake.release();
    }
}
