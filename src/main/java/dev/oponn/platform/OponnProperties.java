package dev.oponn.platform;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by every feature. Each maps to an {@code OPONN_*} environment variable through Spring's
 * relaxed binding ({@code oponn.data-dir} is {@code OPONN_DATA_DIR}).
 *
 * @param dataDir where the embedded database, the generated secret and the local keyset live
 * @param secretKey base64 key (32+ bytes) that signs device tokens; generated under {@code dataDir} when absent
 * @param secureCookies mark cookies {@code Secure}; on whenever Oponn is served over HTTPS
 * @param database an external PostgreSQL; when its URL is absent an embedded one runs under {@code dataDir}
 * @param redis shared Redis for a cluster; when its URL is absent everything stays in process
 */
@Validated
@ConfigurationProperties("oponn")
public record OponnProperties(
        @NotNull @DefaultValue("./data") Path dataDir,
        @Nullable String secretKey,
        @DefaultValue("false") boolean secureCookies,
        @DefaultValue Database database,
        @DefaultValue Redis redis) {

    /**
     * @param url JDBC URL ({@code jdbc:postgresql://host:5432/db}); empty means embedded
     * @param user database user of the external PostgreSQL
     * @param password database password of the external PostgreSQL
     * @param poolSize connections in the pool; votes are short transactions, so a small pool goes far
     * @param poolMinIdle connections the pool keeps open while idle; unset, all of {@code poolSize}, so a burst of
     *     votes never waits for a connection to be opened. Below it, the connections beyond are closed after 10 s
     *     idle: for many instances (test contexts) sharing one server's connection limit
     */
    public record Database(
            @Nullable String url,
            @Nullable String user,
            @Nullable String password,
            @DefaultValue("10") int poolSize,
            @Nullable Integer poolMinIdle) {

        public Database {
            if (poolSize < 1 || (poolMinIdle != null && (poolMinIdle < 0 || poolMinIdle > poolSize))) {
                throw new IllegalArgumentException(
                        "OPONN_DATABASE_POOL_SIZE must be at least 1 and OPONN_DATABASE_POOL_MIN_IDLE between 0 and it.");
            }
        }

        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    /** @param url {@code redis://host:port/db}; empty means no Redis (one instance, in-process fan-out) */
    public record Redis(@Nullable String url) {

        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }
}
