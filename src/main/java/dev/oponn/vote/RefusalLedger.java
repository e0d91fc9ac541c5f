package dev.oponn.vote;

import dev.oponn.ballot.BallotId;
import dev.oponn.ballot.VoteRefusals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per-ballot counts of the votes each defence refused. A refusal only adds to a counter in memory; once a second
 * the counters are written to {@code ballot_vote_refusals} in one batch, so a flood of refused votes costs the
 * database one small transaction a second per instance, and a counted vote costs nothing at all. The counts are
 * for the owner's information: those of the last second are lost if the process dies.
 */
@Component
class RefusalLedger implements VoteRefusals, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RefusalLedger.class);
    private static final String ADD = """
            INSERT INTO ballot_vote_refusals (ballot_id, reason, refusals)
            SELECT ballot_id, :reason, :refusals FROM ballot_window WHERE ballot_id = :ballot
            ON CONFLICT (ballot_id, reason) DO UPDATE SET refusals = ballot_vote_refusals.refusals + EXCLUDED.refusals
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final Map<Key, Long> pending = new ConcurrentHashMap<>();
    private volatile @Nullable ScheduledExecutorService timer;

    RefusalLedger(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    private record Key(BallotId ballot, String reason) {}

    void refused(BallotId ballot, VoteRejection rejection) {
        if (rejection.defence()) {
            pending.merge(new Key(ballot, rejection.reason()), 1L, Long::sum);
        }
    }

    /** What the database holds plus what this instance has not written yet. */
    @Override
    public Map<String, Long> of(BallotId ballot) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String reason : List.of("no_device", "address_cap", "challenge", "write_in_cap")) {
            counts.put(reason, pending.getOrDefault(new Key(ballot, reason), 0L));
        }
        jdbc.sql("SELECT reason, refusals FROM ballot_vote_refusals WHERE ballot_id = :ballot")
                .param("ballot", ballot.value())
                .query((rs, n) -> Map.entry(rs.getString("reason"), rs.getLong("refusals")))
                .list()
                .forEach(entry -> counts.merge(entry.getKey(), entry.getValue(), Long::sum));
        return counts;
    }

    void flush() {
        List<SqlParameterSource> rows = new ArrayList<>();
        for (Key key : pending.keySet()) {
            Long refusals = pending.remove(key);
            if (refusals != null) {
                rows.add(new MapSqlParameterSource()
                        .addValue("ballot", key.ballot().value())
                        .addValue("reason", key.reason())
                        .addValue("refusals", refusals));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        try {
            batch.batchUpdate(ADD, rows.toArray(SqlParameterSource[]::new));
        } catch (RuntimeException e) {
            log.atWarn()
                    .setMessage("vote.refusals_not_written")
                    .addKeyValue("rows", rows.size())
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log();
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("vote-refusals").factory());
        scheduler.scheduleWithFixedDelay(this::flush, 1, 1, TimeUnit.SECONDS);
        timer = scheduler;
    }

    @Override
    public void stop() {
        ScheduledExecutorService scheduler = timer;
        timer = null;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        flush();
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    /** Stops after the vote writers (phase 0), so the refusals of the last requests are written too. */
    @Override
    public int getPhase() {
        return -1;
    }
}
