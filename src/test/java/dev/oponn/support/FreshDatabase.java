package dev.oponn.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Gives each application context its own new database on the machine's real PostgreSQL (database {@code test}
 * is only used to create and drop them), its own data directory and its own secret, and removes all three when
 * the context closes. Spring's test context cache shares a context, and so its database, between the test classes
 * of one configuration: tests never rely on an empty database, but create the ballots they read or compare counts
 * before and after. Tests that need an application of their own ({@link Instance}) get a database of their own.
 */
public final class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String SERVER =
            System.getenv().getOrDefault("OPONN_TEST_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/");
    public static final String USER = System.getenv().getOrDefault("OPONN_TEST_POSTGRES_USER", "postgres");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Database database = create();
        Path dataDir = tempDir();
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("oponn.data-dir", dataDir.toString());
        properties.put("oponn.secret-key", randomSecret());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("freshDatabase", properties));
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                // Runs before the pool closes; DROP ... WITH (FORCE) ends its connections.
                database.drop();
                FileSystemUtils.deleteRecursively(dataDir.toFile());
            }
        });
    }

    /** A new empty database; {@link Database#drop()} removes it. */
    public static Database create() {
        String name = "oponn_t_" + LocalDateTime.now().format(STAMP) + "_"
                + Long.toHexString(new SecureRandom().nextLong() >>> 1);
        try (Connection admin = admin();
                Statement statement = admin.createStatement()) {
            dropAbandoned(admin);
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not create a test database on " + SERVER + " (is PostgreSQL running?)", e);
        }
        return new Database(name);
    }

    public static String randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }

    public static Path tempDir() {
        try {
            return Files.createTempDirectory("oponn-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Connection admin() throws SQLException {
        return DriverManager.getConnection(SERVER + "test", USER, "");
    }

    /** Databases left by a test run that was killed; anything older than six hours is certainly abandoned. */
    private static void dropAbandoned(Connection admin) throws SQLException {
        String cutoff = LocalDateTime.now().minusHours(6).format(STAMP);
        List<String> old = new ArrayList<>();
        try (Statement statement = admin.createStatement();
                var rs = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'oponn_t_%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (name.length() > 22 && name.substring(8, 22).compareTo(cutoff) < 0) {
                    old.add(name);
                }
            }
        }
        for (String name : old) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    public record Database(String name) {

        public String url() {
            return SERVER + name;
        }

        public Map<String, Object> properties() {
            return Map.of(
                    "oponn.database.url",
                    url(),
                    "oponn.database.user",
                    USER,
                    "oponn.database.password",
                    "",
                    "oponn.database.pool-size",
                    "5",
                    // Cached test contexts idle while other classes run; holding five connections each, a suite of
                    // them used up the server's 100.
                    "oponn.database.pool-min-idle",
                    "0");
        }

        public void drop() {
            try (Connection admin = admin();
                    Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                throw new IllegalStateException("Could not drop test database " + name, e);
            }
        }
    }
}
