package dev.oponn.live;

import dev.oponn.ballot.BallotCatalog;
import dev.oponn.ballot.BallotChanged;
import dev.oponn.ballot.BallotId;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Owner changes across instances on the one Redis channel {@code ballots:changes}, body
 * {@code origin kind ballotId}. Every receiving instance evicts its catalog entry, then restates its streams of
 * the ballot or, for {@code deleted}, ends them with the {@code deleted} event. Owner changes are rare, so each is
 * published at once on the owner's request thread; one lost (Redis away) leaves another instance's cached copy
 * until it expires, while the database still decides every vote by its own window.
 */
final class RedisBallotNotices implements BallotNotices, MessageListener {

    private static final Logger log = LoggerFactory.getLogger(RedisBallotNotices.class);

    static final String CHANNEL = "ballots:changes";

    private final LiveResults live;
    private final BallotCatalog catalog;
    private final StringRedisTemplate redis;
    private final LiveMetrics metrics;
    private final String origin = UUID.randomUUID().toString();

    RedisBallotNotices(
            LiveResults live,
            BallotCatalog catalog,
            StringRedisTemplate redis,
            RedisMessageListenerContainer container,
            LiveMetrics metrics) {
        this.live = live;
        this.catalog = catalog;
        this.redis = redis;
        this.metrics = metrics;
        container.addMessageListener(this, new ChannelTopic(CHANNEL));
    }

    @Override
    public void tellOthers(BallotId ballot, String kind) {
        try {
            redis.convertAndSend(CHANNEL, origin + " " + kind + " " + ballot.value());
        } catch (RuntimeException e) {
            metrics.announcementFailed();
            log.atWarn()
                    .setMessage("live.notice_failed")
                    .addKeyValue("ballot", live.fingerprint(ballot))
                    .addKeyValue("kind", kind)
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log();
        }
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        String[] body = new String(message.getBody(), StandardCharsets.UTF_8).split(" ", 3);
        if (body.length != 3 || body[0].equals(origin)) {
            return;
        }
        Optional<BallotId> ballot = BallotId.parse(body[2].strip());
        if (ballot.isEmpty()) {
            return;
        }
        catalog.evict(ballot.get());
        if (DELETED.equals(body[1])) {
            live.deleted(ballot.get());
        } else {
            // A kind this instance does not know (a newer one sent it) still restates the streams.
            live.ballotChanged(ballot.get(), BallotChanged.Kind.ofVerb(body[1]).orElse(BallotChanged.Kind.EXTENDED));
        }
    }
}
