package dev.oponn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.OponnApplication;
import dev.oponn.support.FreshDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/** {@code ./oponn migrate} ({@code java -jar oponn.jar migrate}): the schema is migrated and the job ends. */
class MigrationTests {

    @Test
    void migrateAppliesEveryMigrationAndReturns() throws SQLException {
        FreshDatabase.Database database = FreshDatabase.create();
        Path dataDir = FreshDatabase.tempDir();
        try {
            List<String> args = new ArrayList<>(List.of("migrate", "--oponn.data-dir=" + dataDir));
            database.properties().forEach((name, value) -> args.add("--" + name + "=" + value));

            OponnApplication.main(args.toArray(String[]::new));

            try (Connection connection = DriverManager.getConnection(database.url(), FreshDatabase.USER, "");
                    Statement statement = connection.createStatement();
                    ResultSet applied = statement.executeQuery(
                            "SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL")) {
                applied.next();
                assertThat(applied.getInt(1)).isPositive();
                try (ResultSet ballots = statement.executeQuery("SELECT count(*) FROM ballot")) {
                    ballots.next();
                    assertThat(ballots.getInt(1)).isZero();
                }
            }
        } finally {
            database.drop();
            FileSystemUtils.deleteRecursively(dataDir.toFile());
        }
    }
}
