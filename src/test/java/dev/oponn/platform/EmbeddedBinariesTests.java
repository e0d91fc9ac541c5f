package dev.oponn.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The embedded PostgreSQL's binaries: found where the build carries them, a refusal naming the setting where not. */
class EmbeddedBinariesTests {

    @Test
    void findsTheLinuxBinariesThatEveryDefaultBuildCarries() throws Exception {
        try (InputStream binaries = new EmbeddedBinaries().getPgBinary("Linux", "x86_64")) {
            assertThat(binaries.read()).isNotEqualTo(-1);
        }
    }

    @Test
    void aBuildWithoutBinariesForTheSystemRefusesToStartNamingTheDatabaseSetting() {
        assertThatThrownBy(() -> new EmbeddedBinaries().getPgBinary("Plan9", "mips"))
                .isInstanceOf(RefusedToStart.class)
                .hasMessageContaining("no embedded PostgreSQL for Plan9 mips")
                .hasMessageContaining("oponn-<version>-server.jar")
                .hasMessageContaining("Set OPONN_DATABASE_URL");
    }
}
