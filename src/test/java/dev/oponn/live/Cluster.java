package dev.oponn.live;

import dev.oponn.support.FreshDatabase;
import dev.oponn.support.Instance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.util.FileSystemUtils;

/**
 * Two instances of Oponn in one JVM, as a cluster: one fresh PostgreSQL database, one Redis (a private
 * {@code redis-server}, so a test can stop and start it), one secret and one master keyset. Closing it stops both
 * instances, drops the database, stops Redis and deletes the working directory; a start that fails half way undoes
 * what it had started.
 */
final class Cluster implements AutoCloseable {

    private final Path dir;
    private final RedisServer redis;
    private final FreshDatabase.Database database;
    private final Instance a;
    private final Instance b;

    private Cluster(Path dir, RedisServer redis, FreshDatabase.Database database, Instance a, Instance b) {
        this.dir = dir;
        this.redis = redis;
        this.database = database;
        this.a = a;
        this.b = b;
    }

    /** Starts the cluster; each list holds further {@code --name=value} settings of that instance alone. */
    static Cluster start(List<String> settingsOfA, List<String> settingsOfB) {
        Path dir = FreshDatabase.tempDir();
        @Nullable RedisServer redis = null;
        FreshDatabase.@Nullable Database database = null;
        @Nullable Instance a = null;
        try {
            redis = new RedisServer(dir).start();
            database = FreshDatabase.create();
            String secret = FreshDatabase.randomSecret();
            // A cluster shares its master key (KMS in production): both instances open each other's ballots.
            List<String> shared = List.of(
                    "--oponn.master-keyset=" + dir.resolve("master-keyset.json"), "--oponn.redis.url=" + redis.url());
            a = Instance.start(database, secret, settings(shared, settingsOfA));
            Instance b = Instance.start(database, secret, settings(shared, settingsOfB));
            return new Cluster(dir, redis, database, a, b);
        } catch (RuntimeException e) {
            stop(dir, redis, database, a, null);
            throw e;
        }
    }

    Instance a() {
        return a;
    }

    Instance b() {
        return b;
    }

    RedisServer redis() {
        return redis;
    }

    @Override
    public void close() {
        stop(dir, redis, database, a, b);
    }

    private static String[] settings(List<String> shared, List<String> own) {
        List<String> all = new ArrayList<>(shared);
        all.addAll(own);
        return all.toArray(String[]::new);
    }

    private static void stop(
            Path dir,
            @Nullable RedisServer redis,
            FreshDatabase.@Nullable Database database,
            @Nullable Instance a,
            @Nullable Instance b) {
        try {
            if (a != null) {
                a.close();
            }
            if (b != null) {
                b.close();
            }
            if (database != null) {
                database.drop();
            }
        } finally {
            if (redis != null) {
                redis.close();
            }
            FileSystemUtils.deleteRecursively(dir.toFile());
        }
    }
}
