package dev.oponn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.OponnApplication;
import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import dev.oponn.support.FreshDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/** The zero-configuration default: an embedded PostgreSQL whose data lives in the data directory. */
class EmbeddedDefaultTests {

    final Path dataDir = FreshDatabase.tempDir();

    @AfterEach
    void removeDataDir() {
        FileSystemUtils.deleteRecursively(dataDir.toFile());
    }

    @Test
    void ballotsSurviveARestartOfTheEmbeddedDefault() {
        String id;
        try (ConfigurableApplicationContext first = start()) {
            Device device = new Device(port(first));
            id = Flows.createBallot(device, "Still here after a restart?", "yes, no", false);
            assertThat(Flows.vote(device, id, "1").status()).isEqualTo(303);
        }
        assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();
        assertThat(dataDir.resolve("secret-key")).exists();

        try (ConfigurableApplicationContext second = start()) {
            Device device = new Device(port(second));
            assertThat(device.get("/vote/" + id).html().select("h1").text())
                    .isEqualTo("> vote_on: Still here after a restart?");
            assertThat(device.get("/results/" + id)
                            .html()
                            .select(".bar-row .count")
                            .eachText())
                    .containsExactly("1", "0");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(OponnApplication.class)
                .properties("server.port=0", "oponn.data-dir=" + dataDir)
                .run();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
