package dev.oponn.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.proto.EncryptedKeyset;
import com.google.protobuf.ExtensionRegistryLite;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import dev.oponn.support.FreshDatabase;
import dev.oponn.support.MotoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The production master key path: AWS KMS through the SDK v2 adapter, against the emulator {@code moto_server}.
 * Each test runs its own emulator and restarts the application over one database to prove what survives a cold
 * cache.
 */
class AwsKmsTests {

    FreshDatabase.Database database;
    Path dataDir;
    String secret;

    @BeforeEach
    void freshDatabase() {
        database = FreshDatabase.create();
        dataDir = FreshDatabase.tempDir();
        secret = FreshDatabase.randomSecret();
    }

    @AfterEach
    void dropDatabase() {
        database.drop();
        FileSystemUtils.deleteRecursively(dataDir.toFile());
    }

    @Test
    void ballotsSurviveARestartAndCachedBallotsSurviveAKmsOutage() {
        MotoServer moto = MotoServer.start();
        try {
            String keyId = moto.createKey();
            String cached;
            String uncached;
            try (RunningApp app = start(moto, keyId)) {
                Device device = new Device(app.port());
                cached = Flows.createBallot(device, "Which KMS-guarded snack?", "Kumquat, Kohlrabi", true);
                assertThat(app.count(MeteredAead.CALLS, "provider", "aws-kms", "operation", "wrap"))
                        .as("creating a ballot makes exactly one KMS call")
                        .isEqualTo(1);
                uncached = Flows.createBallot(device, "A ballot nobody opens again", "Left, Right", false);
                assertThat(device.get("/vote/" + cached).body()).contains("Which KMS-guarded snack?");

                double before = app.count(MeteredAead.CALLS);
                assertThat(Flows.vote(new Device(app.port()), cached, "1").status())
                        .isEqualTo(303);
                assertThat(Flows.writeIn(new Device(app.port()), cached, "Kiwano")
                                .status())
                        .isEqualTo(303);
                assertThat(device.get("/results/" + cached).body()).contains("Kiwano");
                assertThat(app.count(MeteredAead.CALLS))
                        .as("votes and write-ins on a ballot whose key is cached make no KMS call")
                        .isEqualTo(before);
            }

            try (RunningApp app = start(moto, keyId)) {
                Device device = new Device(app.port());
                assertThat(device.get("/vote/" + cached).body())
                        .as("after a restart the ballot is read back through KMS")
                        .contains("Which KMS-guarded snack?")
                        .contains("Kiwano");
                assertThat(app.count(MeteredAead.CALLS, "operation", "unwrap", "outcome", "ok"))
                        .isEqualTo(1);

                moto.close();

                assertThat(device.get("/vote/" + cached).status())
                        .as("a cached ballot keeps working while KMS is down")
                        .isEqualTo(200);
                assertThat(Flows.vote(new Device(app.port()), cached, "2").status())
                        .isEqualTo(303);

                Device.Response unavailable = device.get("/vote/" + uncached);
                assertThat(unavailable.status())
                        .as("an uncached ballot answers 503 while KMS is down")
                        .isEqualTo(503);
                assertThat(unavailable.body())
                        .doesNotContain("A ballot nobody opens again")
                        .doesNotContain("Exception")
                        .doesNotContain(keyId);
                String page = htmlPage(app.port(), "/vote/" + uncached);
                assertThat(page)
                        .contains("503 unavailable")
                        .contains("Try again in a moment")
                        .doesNotContain("A ballot nobody opens again")
                        .doesNotContain(keyId);

                Device.Response create = device.post(
                        "/create",
                        "measure",
                        "Created during the outage",
                        "options_raw",
                        "Yes, No",
                        "start_time_type",
                        "now",
                        "duration_mins",
                        "0");
                assertThat(create.status())
                        .as("creating needs the KMS: 503, not half a ballot")
                        .isEqualTo(503);
                assertThat(rows("SELECT count(*) FROM ballot")).isEqualTo(2);
                assertThat(rows("SELECT count(*) FROM ballot_option")).isEqualTo(5);
            }
        } finally {
            moto.close();
        }
    }

    @Test
    void aNewKmsKeyBecomesPrimaryAndRewrapLeavesNothingUnderTheOldOne() {
        try (MotoServer moto = MotoServer.start()) {
            String key1 = moto.createKey();
            String key2 = moto.createKey();
            String underKey1;
            try (RunningApp app = start(moto, key1)) {
                underKey1 = Flows.createBallot(new Device(app.port()), "Made under key one", "A, B", false);
            }
            String underKey2;
            try (RunningApp app = start(moto, key2)) {
                Device device = new Device(app.port());
                underKey2 = Flows.createBallot(device, "Made under key two", "C, D", false);
                assertThat(device.get("/vote/" + underKey1).body()).contains("Made under key one");
                assertThat(device.get("/vote/" + underKey2).body()).contains("Made under key two");
            }
            assertThat(masterKeyOf(underKey1)).isEqualTo("aws-kms:" + key1);
            assertThat(kmsBlobOf(underKey1)).contains(key1);
            assertThat(masterKeyOf(underKey2)).isEqualTo("aws-kms:" + key2);

            assertThat(KeyCommands.rewrap(RunningApp.application(properties(moto, key2), credentials()), new String[0]))
                    .as("the rewrap command succeeds")
                    .isZero();
            assertThat(masterKeyOf(underKey1)).isEqualTo("aws-kms:" + key2);
            // moto does not enforce a disabled or deleted key's state, so show instead that no wrapped key still
            // needs key one: each KMS ciphertext blob names the key that made it (moto writes its id first).
            for (String ballot : List.of(underKey1, underKey2)) {
                String blob = kmsBlobOf(ballot);
                assertThat(blob).contains(key2).doesNotContain(key1);
            }

            try (RunningApp app = start(moto, key2)) {
                Device device = new Device(app.port());
                assertThat(device.get("/vote/" + underKey1).body()).contains("Made under key one");
                assertThat(device.get("/vote/" + underKey2).body()).contains("Made under key two");
            }
        }
    }

    private RunningApp start(MotoServer moto, String keyId) {
        return RunningApp.start(properties(moto, keyId), credentials());
    }

    private static Map<String, Object> credentials() {
        return Map.of("testAwsCredentials", MotoServer.CREDENTIALS);
    }

    private Map<String, Object> properties(MotoServer moto, String keyId) {
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("oponn.data-dir", dataDir.toString());
        properties.put("oponn.secret-key", secret);
        properties.put("oponn.kms.key-id", keyId);
        properties.put("oponn.kms.endpoint", moto.endpoint());
        properties.put("oponn.kms.region", MotoServer.REGION);
        return properties;
    }

    /** The page a browser gets (it asks for HTML, unlike {@link Device}). */
    private static String htmlPage(int port, String path) {
        try {
            return Device.newClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .header("Accept", "text/html")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The KMS ciphertext inside a stored wrapped key (a Tink {@code EncryptedKeyset}), as Latin-1 text. */
    private String kmsBlobOf(String ballotId) {
        try (Connection db = DriverManager.getConnection(database.url(), FreshDatabase.USER, "");
                var statement = db.prepareStatement("SELECT wrapped_key FROM ballot_key WHERE ballot_id = ?")) {
            statement.setString(1, ballotId);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                byte[] blob = EncryptedKeyset.parseFrom(rs.getBytes(1), ExtensionRegistryLite.getEmptyRegistry())
                        .getEncryptedKeyset()
                        .toByteArray();
                return new String(blob, StandardCharsets.ISO_8859_1);
            }
        } catch (SQLException | InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private String masterKeyOf(String ballotId) {
        try (Connection db = DriverManager.getConnection(database.url(), FreshDatabase.USER, "");
                var statement = db.prepareStatement("SELECT master_key_id FROM ballot_key WHERE ballot_id = ?")) {
            statement.setString(1, ballotId);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long rows(String sql) {
        try (Connection db = DriverManager.getConnection(database.url(), FreshDatabase.USER, "");
                var statement = db.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
