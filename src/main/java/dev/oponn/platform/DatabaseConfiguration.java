package dev.oponn.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one connection pool. With {@code OPONN_DATABASE_URL} it points at that PostgreSQL; without, an embedded
 * PostgreSQL starts under the data directory and keeps its files there across restarts. Flyway migrates
 * whichever it is with the same SQL.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnEmbeddedDatabase
    EmbeddedPostgres embeddedPostgres(OponnProperties properties) {
        Path dir = properties.dataDir().resolve("postgres").toAbsolutePath();
        try {
            Files.createDirectories(dir);
            log.atInfo()
                    .setMessage("database.embedded_starting")
                    .addKeyValue("dir", dir)
                    .log();
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPgBinaryResolver(new EmbeddedBinaries())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(OponnProperties properties, ObjectProvider<EmbeddedPostgres> embedded) {
        OponnProperties.Database db = properties.database();
        HikariConfig config = new HikariConfig();
        config.setPoolName("oponn");
        config.setMaximumPoolSize(db.poolSize());
        if (db.poolMinIdle() != null && db.poolMinIdle() < db.poolSize()) {
            config.setMinimumIdle(db.poolMinIdle());
            config.setIdleTimeout(10_000);
        }
        // Hikari's default waits 30 s for a connection: with the database down a vote then hung past any client's
        // patience. 3 s, then 503 (web.DatabaseUnavailable); a healthy pool lends one in well under a millisecond.
        config.setConnectionTimeout(3_000);
        // Without it the driver puts a failed batch's statement, parameters included (ballot ids, voter keys), and
        // the server's error detail into exception messages, which then reach the logs; the fault suite found them
        // there after sessions were terminated mid-batch.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        if (db.external()) {
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
        } else {
            EmbeddedPostgres postgres = embedded.getObject();
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        }
        return new HikariDataSource(config);
    }
}
