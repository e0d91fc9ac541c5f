package dev.oponn.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the harness's own, made with {@code initdb} in a temporary directory and served on a free
 * loopback port, so that stopping it or killing its connections never touches the machine's server. It runs as the
 * {@code postgres} user when the harness runs as root, because PostgreSQL refuses root.
 */
final class PrivatePostgres implements AutoCloseable {

    private static final String USER = "postgres";

    private final Path bin;
    private final Path dir;
    private final int port;

    private PrivatePostgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    static PrivatePostgres create() {
        Path bin = binaries();
        try {
            Path dir = Files.createTempDirectory("oponn-faults-pg");
            if ("root".equals(System.getProperty("user.name"))) {
                Commands.run(List.of("chown", USER + ":" + USER, dir.toString()));
            }
            PrivatePostgres postgres = new PrivatePostgres(bin, dir, Ports.free());
            Commands.run(Commands.as(
                    USER,
                    List.of(
                            bin.resolve("initdb").toString(),
                            "-D",
                            postgres.data().toString(),
                            "-A",
                            "trust",
                            "-U",
                            USER,
                            "-E",
                            "UTF8",
                            "--no-sync")));
            postgres.start();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest installed server's binaries, {@code /usr/lib/postgresql/<version>/bin}. */
    private static Path binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(
                            b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException("no initdb under /usr/lib/postgresql/*/bin"));
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL's server binaries are not installed", e);
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    /**
     * Starts the server and waits until it accepts connections. {@code fsync=off}: the cluster is thrown away after
     * the run and no fault here crashes the operating system, the one thing fsync protects against; it spares the
     * shared disk.
     */
    void start() {
        Commands.run(Commands.as(
                USER,
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        data().toString(),
                        "-l",
                        dir.resolve("server.log").toString(),
                        "-w",
                        "-t",
                        "60",
                        "-o",
                        "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir + " -c fsync=off"
                                + " -c max_connections=200",
                        "start")));
    }

    /** A fast shutdown: every session is ended, open transactions roll back, then the server exits. */
    void stop() {
        Commands.run(Commands.as(
                USER, List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w", "stop")));
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    String user() {
        return USER;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, "");
    }

    void createDatabase(String name) {
        try (Connection c = connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    /** Ends every other session on the database from the server's side; returns how many it ended. */
    int terminateBackends(String database) {
        try (Connection c = connect("postgres");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE datname = '" + database + "' AND pid <> pg_backend_pid()")) {
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not terminate sessions", e);
        }
    }

    boolean accepting() {
        return Ports.accepting(port);
    }

    Duration awaitAccepting(Duration timeout) {
        long start = System.nanoTime();
        Ports.await(timeout, this::accepting);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public void close() {
        try {
            if (accepting()) {
                Commands.run(Commands.as(
                        USER,
                        List.of(
                                bin.resolve("pg_ctl").toString(),
                                "-D",
                                data().toString(),
                                "-m",
                                "immediate",
                                "-w",
                                "stop")));
            }
        } finally {
            Dirs.delete(dir);
        }
    }
}
