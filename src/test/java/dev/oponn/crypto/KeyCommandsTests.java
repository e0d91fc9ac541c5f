package dev.oponn.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.FreshDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/** {@code ./oponn keyset}: what it writes, what it refuses, and where it looks. */
class KeyCommandsTests {

    final Path dir = FreshDatabase.tempDir();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void removeDir() {
        FileSystemUtils.deleteRecursively(dir.toFile());
    }

    @Test
    void createsAnOwnerOnlyKeysetUnderTheDataDirectoryAndRefusesToOverwriteIt() throws Exception {
        Map<String, String> env = Map.of("OPONN_DATA_DIR", dir.toString());
        Path file = dir.resolve("master-keyset.json");

        assertThat(keyset(List.of(), env)).isZero();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        LocalKeyset created = LocalKeyset.readIfPresent(file).orElseThrow();
        assertThat(created.size()).isOne();
        assertThat(stdout()).contains(created.primary().id()).contains("development only");

        String before = Files.readString(file);
        assertThat(keyset(List.of(), env)).isOne();
        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(stderr()).contains("already exists");
    }

    @Test
    void rotateAddsAPrimaryAndRetireKeepsOnlyIt() {
        Path file = dir.resolve("elsewhere/keys.json");
        Map<String, String> env = Map.of("OPONN_MASTER_KEYSET", file.toString());
        assertThat(keyset(List.of(), env)).isZero();
        String first = LocalKeyset.readIfPresent(file).orElseThrow().primary().id();

        assertThat(keyset(List.of("--rotate"), env)).isZero();
        LocalKeyset rotated = LocalKeyset.readIfPresent(file).orElseThrow();
        assertThat(rotated.size()).isEqualTo(2);
        assertThat(rotated.primary().id()).isNotEqualTo(first);
        assertThat(rotated.byId(first)).as("the old key still unwraps").isPresent();

        assertThat(keyset(List.of("--retire"), env)).isZero();
        LocalKeyset retired = LocalKeyset.readIfPresent(file).orElseThrow();
        assertThat(retired.size()).isOne();
        assertThat(retired.primary().id()).isEqualTo(rotated.primary().id());
        assertThat(retired.byId(first)).isEmpty();
    }

    @Test
    void anExplicitFileWinsAndUnknownFlagsPrintUsage() {
        Path file = dir.resolve("explicit.json");
        assertThat(keyset(
                        List.of("--file", file.toString()),
                        Map.of("OPONN_DATA_DIR", dir.resolve("no").toString())))
                .isZero();
        assertThat(file).exists();

        assertThat(keyset(List.of("--rotate", "--retire"), Map.of())).isEqualTo(2);
        assertThat(keyset(List.of("--bogus"), Map.of())).isEqualTo(2);
        assertThat(stderr()).contains("usage: ./oponn keyset");
        assertThat(keyset(
                        List.of(
                                "--rotate",
                                "--file",
                                dir.resolve("missing.json").toString()),
                        Map.of()))
                .isOne();
    }

    @Test
    void helpExplainsEveryFlag() {
        assertThat(keyset(List.of("--help"), Map.of())).isZero();
        assertThat(stdout()).contains("--rotate", "--retire", "--file", "OPONN_MASTER_KEYSET", "OPONN_KMS_KEY_ID");
    }

    private int keyset(List<String> args, Map<String, String> env) {
        return KeyCommands.keyset(
                args,
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
