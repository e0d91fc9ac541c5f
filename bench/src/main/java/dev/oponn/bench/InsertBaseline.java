package dev.oponn.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database ceiling for a per-vote commit: durable single-row INSERTs (autocommit, the server's
 * {@code synchronous_commit}) into a table shaped like {@code ballot_voter}, through a pool of the same size as
 * Oponn's and from the same number of concurrent callers as the vote load. The table lives in its own schema so
 * that Oponn's Flyway, which owns {@code public}, never sees it.
 */
final class InsertBaseline implements AutoCloseable {

    /** One durable single-row INSERT: the write both baselines make per vote. */
    static final String INSERT = "INSERT INTO bench_baseline.vote (ballot_id, voter_key) VALUES (?, ?)";

    private final HikariDataSource pool;
    private final AtomicLong keys = new AtomicLong(new SecureRandom().nextLong() >>> 8);

    InsertBaseline(BenchDatabase database, int poolSize) throws SQLException {
        pool = pool("bench-baseline", database.url(), poolSize);
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS bench_baseline");
            s.execute("CREATE TABLE IF NOT EXISTS bench_baseline.vote (ballot_id text NOT NULL, voter_key bytea "
                    + "NOT NULL, PRIMARY KEY (ballot_id, voter_key))");
        }
    }

    /** A fixed-size pool on the bench database, as Oponn's own is. */
    static HikariDataSource pool(String name, String jdbcUrl, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(BenchDatabase.USER);
        config.setPassword("");
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        return new HikariDataSource(config);
    }

    Recorder run(int concurrency, double seconds, Progress progress) {
        Recorder recorder = new Recorder();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        try (Progress.Ticker ticker = progress.ticker(() -> ClosedLoop.status("insert baseline", recorder), 2000);
                ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                String ballot = "baseline-" + w % 32;
                running.add(workers.submit(() -> loop(ballot, recorder, deadline)));
            }
            for (var f : running) {
                f.get();
            }
        } catch (Exception e) {
            recorder.outcome("harness_error: " + e);
        }
        recorder.finish();
        return recorder;
    }

    private void loop(String ballot, Recorder recorder, long deadline) {
        byte[] key = new byte[32];
        for (long n = 0; n < 100_000_000L && System.nanoTime() < deadline; n++) {
            long value = keys.incrementAndGet();
            for (int i = 0; i < 8; i++) {
                key[i] = (byte) (value >>> (8 * i));
            }
            long t0 = System.nanoTime();
            try (Connection c = pool.getConnection();
                    PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setString(1, ballot);
                s.setBytes(2, key);
                s.executeUpdate();
                long t1 = System.nanoTime();
                recorder.acknowledged(t1 - t0, t1);
            } catch (SQLException e) {
                recorder.outcome("sql_error: " + e.getSQLState());
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
