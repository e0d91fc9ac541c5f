package dev.oponn.webhook;

import dev.oponn.ballot.BallotId;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@code webhook} and {@code webhook_delivery}, this feature's tables. */
@Repository
class Outbox {

    /** A registration, with its sealed secret. */
    record Registration(String id, BallotId ballot, String url, Set<WebhookEvent> events, byte[] secret) {}

    /** A registration whose ballot has ended since it was last told, with that end. */
    record Ended(Registration webhook, Instant endsAt) {}

    /** A message due for an attempt, claimed by this instance for the lease. */
    record Due(String id, String url, byte[] secret, String payload, int attempts) {}

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void register(Registration webhook) {
        jdbc.sql("""
                        INSERT INTO webhook (id, ballot_id, url, events, secret)
                        VALUES (:id, :ballot, :url, string_to_array(:events, ','), :secret)
                        """)
                .param("id", webhook.id())
                .param("ballot", webhook.ballot().value())
                .param("url", webhook.url())
                .param(
                        "events",
                        String.join(
                                ",",
                                webhook.events().stream()
                                        .map(WebhookEvent::type)
                                        .toList()))
                .param("secret", webhook.secret())
                .update();
    }

    int countFor(BallotId ballot) {
        return jdbc.sql("SELECT count(*) FROM webhook WHERE ballot_id = :ballot")
                .param("ballot", ballot.value())
                .query(Integer.class)
                .single();
    }

    List<Registration> registrationsOf(BallotId ballot) {
        return jdbc.sql("SELECT id, ballot_id, url, events, secret FROM webhook WHERE ballot_id = :ballot")
                .param("ballot", ballot.value())
                .query((rs, n) -> registration(
                        rs.getString("id"),
                        rs.getString("ballot_id"),
                        rs.getString("url"),
                        rs.getArray("events"),
                        rs.getBytes("secret")))
                .list();
    }

    /** Inside the deleting transaction: the ballot's registrations go, their messages stay. */
    void forget(BallotId ballot) {
        jdbc.sql("DELETE FROM webhook WHERE ballot_id = :ballot")
                .param("ballot", ballot.value())
                .update();
    }

    /**
     * Registrations whose ballot ended at least {@code grace} ago (votes in flight still commit) and was not yet told
     * of this end, locked for the caller's transaction; another instance's sweep skips them.
     */
    List<Ended> endedSinceTold(Duration grace, int limit) {
        return jdbc.sql("""
                        SELECT w.id, w.ballot_id, w.url, w.events, w.secret, bw.ends_at
                        FROM webhook w JOIN ballot_window bw ON bw.ballot_id = w.ballot_id
                        WHERE bw.ends_at <= now() - make_interval(secs => :grace)
                          AND w.notified_end IS DISTINCT FROM bw.ends_at
                        ORDER BY bw.ends_at
                        LIMIT :limit
                        FOR UPDATE OF w SKIP LOCKED
                        """)
                .param("grace", grace.toMillis() / 1000.0)
                .param("limit", limit)
                .query((rs, n) -> new Ended(
                        registration(
                                rs.getString("id"),
                                rs.getString("ballot_id"),
                                rs.getString("url"),
                                rs.getArray("events"),
                                rs.getBytes("secret")),
                        rs.getTimestamp("ends_at").toInstant()))
                .list();
    }

    void told(String webhook, Instant endsAt) {
        jdbc.sql("UPDATE webhook SET notified_end = :ends WHERE id = :id")
                .param("ends", Timestamp.from(endsAt))
                .param("id", webhook)
                .update();
    }

    void enqueue(String id, Registration webhook, WebhookEvent event, String payload) {
        jdbc.sql("""
                        INSERT INTO webhook_delivery (id, webhook_id, url, secret, event_type, payload)
                        VALUES (:id, :webhook, :url, :secret, :type, :payload)
                        """)
                .param("id", id)
                .param("webhook", webhook.id())
                .param("url", webhook.url())
                .param("secret", webhook.secret())
                .param("type", event.type())
                .param("payload", payload)
                .update();
    }

    /** Takes up to {@code limit} due messages for {@code lease}: until then no instance tries them again. */
    List<Due> claim(int limit, Duration lease) {
        return jdbc.sql("""
                        UPDATE webhook_delivery SET attempts = attempts + 1,
                            next_attempt_at = now() + make_interval(secs => :lease)
                        WHERE id IN (
                            SELECT id FROM webhook_delivery
                            WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()
                            ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id, url, secret, payload, attempts
                        """)
                .param("lease", lease.toSeconds())
                .param("limit", limit)
                .query((rs, n) -> new Due(
                        rs.getString("id"),
                        rs.getString("url"),
                        rs.getBytes("secret"),
                        rs.getString("payload"),
                        rs.getInt("attempts")))
                .list();
    }

    void delivered(String id, int status) {
        jdbc.sql("UPDATE webhook_delivery SET delivered_at = now(), last_status = :status WHERE id = :id")
                .param("status", status)
                .param("id", id)
                .update();
    }

    /** A failed attempt: tried again after {@code wait}, or given up on. */
    void failed(String id, int status, Duration wait, boolean giveUp) {
        jdbc.sql("""
                        UPDATE webhook_delivery SET last_status = :status,
                            next_attempt_at = now() + make_interval(secs => :wait),
                            failed_at = CASE WHEN :give_up THEN now() END
                        WHERE id = :id
                        """)
                .param("status", status)
                .param("wait", wait.toMillis() / 1000.0)
                .param("give_up", giveUp)
                .param("id", id)
                .update();
    }

    /** Delivered and abandoned messages are kept a week, for an operator to look at, then removed. */
    void sweepFinished() {
        jdbc.sql("""
                        DELETE FROM webhook_delivery
                        WHERE coalesce(delivered_at, failed_at) < now() - interval '7 days'
                        """).update();
    }

    private static Registration registration(String id, String ballot, String url, Array events, byte[] secret)
            throws java.sql.SQLException {
        String[] types = (String[]) events.getArray();
        Set<WebhookEvent> parsed = Arrays.stream(types)
                .map(WebhookEvent::parse)
                .flatMap(java.util.Optional::stream)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        return new Registration(id, new BallotId(ballot), url, parsed, secret);
    }
}
