package dev.oponn.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A cluster of Oponn processes as an operator runs one: instances sharing a database in the harness's own
 * PostgreSQL cluster, a private Redis, one secret and one master key (a local keyset file, or a KMS key in moto).
 * The harness configures the secret, so it can compute the voter key Oponn stores for a device's vote.
 */
final class Rig implements AutoCloseable {

    static final String DATABASE = "oponn";

    private final Path dir;
    private final OponnJar jar;
    private final PrivatePostgres postgres;
    private final PrivateRedis redis;
    private final Moto moto;
    private final byte[] secret;
    private final Map<String, String> settings;
    private final List<OponnInstance> instances = new ArrayList<>();
    private final Thread stopOnExit = new Thread(this::stop, "stop the faults cluster");

    private Rig(
            Path dir,
            OponnJar jar,
            PrivatePostgres postgres,
            PrivateRedis redis,
            Moto moto,
            byte[] secret,
            Map<String, String> settings) {
        this.dir = dir;
        this.jar = jar;
        this.postgres = postgres;
        this.redis = redis;
        this.moto = moto;
        this.secret = secret;
        this.settings = settings;
    }

    /**
     * Starts {@code count} instances (at once, as they share two cores either way).
     *
     * @param kms whether the master key is a KMS key in moto, else a local keyset file all instances share
     */
    static Rig start(String label, int count, boolean kms, Map<String, String> extra) {
        Path dir;
        try {
            dir = Files.createTempDirectory("oponn-faults-" + label);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OponnJar jar = OponnJar.find();
        PrivatePostgres postgres = PrivatePostgres.create();
        PrivateRedis redis = new PrivateRedis(dir).start();
        Moto moto = kms ? Moto.start(dir) : null;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        postgres.createDatabase(DATABASE);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("OPONN_ENV", "testing");
        settings.put("OPONN_DATABASE_URL", postgres.jdbcUrl(DATABASE));
        settings.put("OPONN_DATABASE_USER", postgres.user());
        settings.put("OPONN_SECRET_KEY", Base64.getEncoder().encodeToString(secret));
        settings.put("OPONN_REDIS_URL", redis.url());
        if (moto != null) {
            settings.put("OPONN_KMS_KEY_ID", moto.createKey());
            settings.put("OPONN_KMS_ENDPOINT", moto.endpoint());
            settings.put("AWS_REGION", Moto.REGION);
            settings.put("AWS_ACCESS_KEY_ID", "test");
            settings.put("AWS_SECRET_ACCESS_KEY", "test");
        } else {
            Path keyset = dir.resolve("master-keyset.json");
            settings.put("OPONN_MASTER_KEYSET", keyset.toString());
            jar.command(Map.of(), "keyset", "--file", keyset.toString());
        }
        settings.putAll(extra);
        Rig rig = new Rig(dir, jar, postgres, redis, moto, secret, Map.copyOf(settings));
        // A test JVM that is killed (a CI timeout, Ctrl-C) must not leave servers behind: PostgreSQL runs detached.
        Runtime.getRuntime().addShutdownHook(rig.stopOnExit);
        try {
            for (int i = 0; i < count; i++) {
                rig.instances.add(new OponnInstance("oponn-" + label + "-" + (char) ('a' + i), jar, settings, dir));
            }
            rig.instances.forEach(OponnInstance::launch);
            rig.instances.stream()
                    .map(i -> CompletableFuture.runAsync(i::awaitReady))
                    .toList()
                    .forEach(CompletableFuture::join);
            return rig;
        } catch (RuntimeException e) {
            rig.close();
            throw e;
        }
    }

    List<OponnInstance> instances() {
        return List.copyOf(instances);
    }

    OponnInstance instance(int i) {
        return instances.get(i);
    }

    PrivatePostgres postgres() {
        return postgres;
    }

    PrivateRedis redis() {
        return redis;
    }

    Moto moto() {
        return moto;
    }

    OponnJar jar() {
        return jar;
    }

    Path dir() {
        return dir;
    }

    /** The settings every instance runs with, for the jar's operator commands. */
    Map<String, String> settings() {
        return settings;
    }

    Connection database() throws SQLException {
        return postgres.connect(DATABASE);
    }

    /** What Oponn stores in {@code ballot_voter} for this device's vote: HMAC(secret, "voter", ballot, device). */
    byte[] voterKey(String ballot, String device) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            for (String part : List.of("voter", ballot, device)) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                mac.update(new byte[] {
                    (byte) (bytes.length >>> 24),
                    (byte) (bytes.length >>> 16),
                    (byte) (bytes.length >>> 8),
                    (byte) bytes.length
                });
                mac.update(bytes);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every log line every instance has written, for the checks that nothing secret reached a log. */
    String logs() {
        StringBuilder all = new StringBuilder();
        instances.forEach(i -> all.append(i.logText()));
        return all.toString();
    }

    /** The instances' logs outlive the run under target/faults-logs, for reading what went wrong. */
    private void keepLogs() {
        Path logs = Path.of(System.getProperty("oponn.faults.logs", "target/faults-logs"));
        try {
            Files.createDirectories(logs);
            for (OponnInstance instance : instances) {
                if (Files.exists(instance.log())) {
                    Files.copy(
                            instance.log(),
                            logs.resolve(instance.log().getFileName()),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            // The logs are a convenience; the verdicts stand without them.
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it stops everything.
        }
        stop();
    }

    private void stop() {
        try {
            instances.forEach(OponnInstance::close);
        } finally {
            keepLogs();
            try {
                redis.close();
                if (moto != null) {
                    moto.close();
                }
            } finally {
                postgres.close();
                Dirs.delete(dir);
            }
        }
    }
}
