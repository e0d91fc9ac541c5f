package dev.oponn.bench;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run's own database on the local PostgreSQL ({@code oponn_bench_<time>_<random>}, user {@code postgres}),
 * created at the start, read by the correctness check and dropped at the end. The check reads Oponn's tables as
 * the issue defines the truth: the tally is the sum of {@code tally_shard}, the voters are {@code ballot_voter}.
 */
final class BenchDatabase implements AutoCloseable {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final String USER = "postgres";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final String name;
    private final Thread dropOnExit;

    private BenchDatabase(String name) {
        this.name = name;
        // A harness stopped with Ctrl-C still drops its database.
        this.dropOnExit = new Thread(this::dropQuietly, "drop " + name);
        Runtime.getRuntime().addShutdownHook(dropOnExit);
    }

    static BenchDatabase create() throws SQLException {
        String name = "oponn_bench_" + LocalDateTime.now().format(STAMP) + "_"
                + Long.toHexString(new SecureRandom().nextLong() >>> 1);
        try (Connection admin = admin();
                Statement statement = admin.createStatement()) {
            dropAbandoned(admin);
            statement.execute("CREATE DATABASE " + name);
        }
        return new BenchDatabase(name);
    }

    String name() {
        return name;
    }

    String url() {
        return SERVER + name;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, "");
    }

    String setting(String parameter) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW " + parameter)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    /**
     * Starts PostgreSQL's next checkpoint now rather than on its timer, so that a timed one (every
     * {@code checkpoint_timeout}, 5 min here) does not begin inside a latency repetition: right after a checkpoint
     * starts, the first change to each page writes a full-page image, and on this disk that raised a 15-s
     * repetition's p99 to 70-235 ms.
     */
    void checkpoint() throws SQLException {
        try (Connection c = connect();
                java.sql.Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        }
    }

    String serverVersion() throws SQLException {
        return setting("server_version");
    }

    /** Committed votes per ballot and option, summed over the counter shards. */
    Map<String, Map<Integer, Long>> tallies(List<String> ballots) throws SQLException {
        Map<String, Map<Integer, Long>> out = new HashMap<>();
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(
                        "SELECT ballot_id, option_id, sum(votes) FROM tally_shard WHERE ballot_id = ANY (?) "
                                + "GROUP BY ballot_id, option_id")) {
            Array ids = c.createArrayOf("text", ballots.toArray());
            s.setArray(1, ids);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), b -> new TreeMap<>()).put(rs.getInt(2), rs.getLong(3));
                }
            }
        }
        return out;
    }

    /** Voter rows per ballot: one per device that voted. */
    /** Ranked and score ballots: per ballot, each distinct content ({@code tally_content}) and its count. */
    Map<String, Map<String, Long>> contents(List<String> ballots) throws SQLException {
        Map<String, Map<String, Long>> out = new HashMap<>();
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(
                        "SELECT ballot_id, content, sum(votes) FROM tally_content WHERE ballot_id = ANY (?) "
                                + "GROUP BY ballot_id, content")) {
            s.setArray(1, c.createArrayOf("text", ballots.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), b -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
                }
            }
        }
        return out;
    }

    Map<String, Long> voters(List<String> ballots) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(
                        "SELECT ballot_id, count(*) FROM ballot_voter WHERE ballot_id = ANY (?) GROUP BY ballot_id")) {
            s.setArray(1, c.createArrayOf("text", ballots.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    @Override
    public void close() throws SQLException {
        try {
            Runtime.getRuntime().removeShutdownHook(dropOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is dropping it.
        }
        drop();
    }

    private void dropQuietly() {
        try {
            drop();
        } catch (SQLException e) {
            System.err.println("could not drop " + name + ": " + e.getMessage());
        }
    }

    private void drop() throws SQLException {
        try (Connection admin = admin();
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(SERVER + "postgres", USER, "");
    }

    /** Databases of runs that were killed; anything older than six hours is certainly abandoned. */
    private static void dropAbandoned(Connection admin) throws SQLException {
        String cutoff = LocalDateTime.now().minusHours(6).format(STAMP);
        List<String> old = new ArrayList<>();
        try (Statement s = admin.createStatement();
                ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'oponn_bench_%'")) {
            while (rs.next()) {
                String n = rs.getString(1);
                if (n.length() > 26 && n.substring(12, 26).compareTo(cutoff) < 0) {
                    old.add(n);
                }
            }
        }
        for (String n : old) {
            try (Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + n + " WITH (FORCE)");
            }
        }
    }
}
