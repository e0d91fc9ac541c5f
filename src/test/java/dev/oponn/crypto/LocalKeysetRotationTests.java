package dev.oponn.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import dev.oponn.support.FreshDatabase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Rotating the local master keyset as an operator would, with {@code ./oponn keyset --rotate}, {@code ./oponn
 * rewrap} and {@code ./oponn keyset --retire}, restarting the application in between so every read is cold.
 */
class LocalKeysetRotationTests {

    FreshDatabase.Database database;
    Path dataDir;
    Path keysetFile;
    Map<String, Object> properties;

    @BeforeEach
    void freshDatabase() {
        database = FreshDatabase.create();
        dataDir = FreshDatabase.tempDir();
        keysetFile = dataDir.resolve("keys/master-keyset.json");
        properties = new HashMap<>(database.properties());
        properties.put("oponn.data-dir", dataDir.toString());
        properties.put("oponn.secret-key", FreshDatabase.randomSecret());
        properties.put("oponn.master-keyset", keysetFile.toString());
    }

    @AfterEach
    void dropDatabase() {
        database.drop();
        FileSystemUtils.deleteRecursively(dataDir.toFile());
    }

    @Test
    void ballotsUnderOldAndNewKeysReadAndAfterRewrapTheOldKeyCanBeRemoved() {
        assertThat(keyset("--file", keysetFile.toString())).isZero();
        String key1 =
                LocalKeyset.readIfPresent(keysetFile).orElseThrow().primary().id();
        String underKey1;
        try (RunningApp app = RunningApp.start(properties, Map.of())) {
            underKey1 = Flows.createBallot(new Device(app.port()), "Made under key one", "A, B", true);
        }

        assertThat(keyset("--rotate", "--file", keysetFile.toString())).isZero();
        String key2 =
                LocalKeyset.readIfPresent(keysetFile).orElseThrow().primary().id();
        assertThat(key2).isNotEqualTo(key1);
        String underKey2;
        try (RunningApp app = RunningApp.start(properties, Map.of())) {
            Device device = new Device(app.port());
            underKey2 = Flows.createBallot(device, "Made under key two", "C, D", true);
            assertThat(device.get("/vote/" + underKey1).body()).contains("Made under key one");
            assertThat(device.get("/vote/" + underKey2).body()).contains("Made under key two");
            assertThat(masterKeys(app)).containsExactlyInAnyOrder(key1, key2);
        }

        assertThat(KeyCommands.rewrap(RunningApp.application(properties, Map.of()), new String[0]))
                .isZero();
        assertThat(keyset("--retire", "--file", keysetFile.toString())).isZero();
        assertThat(LocalKeyset.readIfPresent(keysetFile).orElseThrow().byId(key1))
                .as("key one is gone from the keyset")
                .isEmpty();

        try (RunningApp app = RunningApp.start(properties, Map.of())) {
            Device device = new Device(app.port());
            assertThat(device.get("/vote/" + underKey1).body()).contains("Made under key one");
            assertThat(device.get("/vote/" + underKey2).body()).contains("Made under key two");
            assertThat(masterKeys(app)).containsExactlyInAnyOrder(key2, key2);
        }
    }

    @Test
    void withoutRewrapRetiringTheOldKeyLeavesItsBallotsUnreadable() {
        assertThat(keyset("--file", keysetFile.toString())).isZero();
        String underKey1;
        try (RunningApp app = RunningApp.start(properties, Map.of())) {
            underKey1 = Flows.createBallot(new Device(app.port()), "Orphaned by retirement", "A, B", false);
        }
        assertThat(keyset("--rotate", "--file", keysetFile.toString())).isZero();
        assertThat(keyset("--retire", "--file", keysetFile.toString())).isZero();
        try (RunningApp app = RunningApp.start(properties, Map.of())) {
            Device.Response page = new Device(app.port()).get("/vote/" + underKey1);
            assertThat(page.status()).isEqualTo(503);
            assertThat(page.body()).doesNotContain("Orphaned by retirement");
        }
    }

    private static int keyset(String... args) {
        return KeyCommands.keyset(List.of(args), Map.of(), System.out, System.err);
    }

    private static List<String> masterKeys(RunningApp app) {
        return app.bean(JdbcClient.class)
                .sql("SELECT master_key_id FROM ballot_key")
                .query(String.class)
                .list();
    }
}
