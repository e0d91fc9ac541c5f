package dev.oponn.platform;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * {@code ./oponn migrate}: applies the Flyway migrations to the configured database (the external one, or the
 * embedded one under the data directory) and exits. Only the data source and Flyway start: no web server, no
 * Redis, no KMS, so a deployment can migrate before any instance of the new version runs. Deliberately not a
 * {@code @Configuration}, so the application's component scan never picks it up.
 */
@Import(DatabaseConfiguration.class)
@EnableConfigurationProperties(OponnProperties.class)
@ImportAutoConfiguration(FlywayAutoConfiguration.class)
public final class Migration {

    private static final Logger log = LoggerFactory.getLogger(Migration.class);

    private Migration() {}

    /** Flyway migrates while the context starts; closing it stops the pool (and the embedded database). */
    public static void run(String... args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Migration.class)
                .web(WebApplicationType.NONE)
                .run(args)) {
            MigrationInfo current = context.getBean(Flyway.class).info().current();
            log.atInfo()
                    .setMessage("database.migrated")
                    .addKeyValue("schema_version", current == null ? "none" : current.getVersion())
                    .log();
        }
    }
}
