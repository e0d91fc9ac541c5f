package dev.oponn.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What encryption costs on each path, read from the metrics: one master-key call per ballot created, none per
 * vote while the data key is cached, and no decryption at all for viewers of a ballot already loaded.
 */
@OponnTest
class EncryptionCostTests {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void creatingCostsOneMasterKeyCallAndVotingCostsNone() {
        Device device = new Device(port);
        double wraps = count(MeteredAead.CALLS, "operation", "wrap");
        String id = Flows.createBallot(device, "What does a ballot cost?", "Little, Less", true);
        assertThat(count(MeteredAead.CALLS, "operation", "wrap")).isEqualTo(wraps + 1);

        double calls = count(MeteredAead.CALLS);
        assertThat(Flows.vote(new Device(port), id, "1").status()).isEqualTo(303);
        assertThat(Flows.writeIn(new Device(port), id, "Nothing at all").status())
                .isEqualTo(303);
        assertThat(Flows.writeIn(new Device(port), id, "nothing AT all").status())
                .isEqualTo(303);
        assertThat(count(MeteredAead.CALLS)).isEqualTo(calls);
        assertThat(device.get("/results/" + id).body()).contains("Nothing at all");
    }

    @Test
    void viewersOfALoadedBallotCauseNoDecryption() {
        Device device = new Device(port);
        String id = Flows.createBallot(device, "Watched by many", "Up, Down", false);
        assertThat(device.get("/vote/" + id).status()).isEqualTo(200);

        double lookups = count(DataKeyCache.LOOKUPS);
        double calls = count(MeteredAead.CALLS);
        for (int i = 0; i < 5; i++) {
            Device viewer = new Device(port);
            assertThat(viewer.get("/vote/" + id).body()).contains("Watched by many");
            assertThat(viewer.get("/results/" + id).body()).contains("Watched by many");
        }
        assertThat(count(DataKeyCache.LOOKUPS)).as("data-key look-ups").isEqualTo(lookups);
        assertThat(count(MeteredAead.CALLS)).isEqualTo(calls);
    }

    private double count(String name, String... tags) {
        return meters.find(name).tags(tags).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}
