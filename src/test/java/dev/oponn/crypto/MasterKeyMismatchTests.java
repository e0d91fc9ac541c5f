package dev.oponn.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.platform.LogFingerprints;
import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import dev.oponn.support.FreshDatabase;
import dev.oponn.support.Instance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Two instances on one database, each with its own local master keyset (the development default: each generates
 * one in its own data directory). The second cannot open the first's ballots; it must say why, once, in its log,
 * and tell visitors the ballot is temporarily unavailable rather than that something broke.
 */
@ExtendWith(OutputCaptureExtension.class)
class MasterKeyMismatchTests {

    FreshDatabase.Database database;
    String secret;

    @BeforeEach
    void database() {
        database = FreshDatabase.create();
        secret = FreshDatabase.randomSecret();
    }

    @AfterEach
    void drop() {
        database.drop();
    }

    @Test
    void anInstanceWithAnotherMasterKeySaysSoOnceAndAnswersUnavailable(CapturedOutput output) {
        try (Instance first = Instance.start(database, secret);
                Instance second = Instance.start(database, secret)) {
            String ballot = Flows.createBallot(new Device(first.port()), "Whose key is it?", "Mine, Yours", true);
            Device visitor = new Device(second.port());

            for (String path : new String[] {"/vote/" + ballot, "/results/" + ballot, "/vote/" + ballot}) {
                Device.Response page = visitor.get(path);
                assertThat(page.status()).as(path).isEqualTo(503);
                assertThat(page.header("Retry-After")).as(path).isNotBlank();
                assertThat(page.body())
                        .contains("This ballot is temporarily unavailable")
                        .doesNotContain("Whose key is it?")
                        .doesNotContain("Exception");
            }
            Device.Response vote = Flows.vote(visitor, ballot, "1");
            assertThat(vote.status()).isEqualTo(503);

            assertThat(new Device(first.port()).get("/vote/" + ballot).body())
                    .as("the instance that holds the key still serves it")
                    .contains("Whose key is it?");
            assertThat(output.getOut().lines().filter(line -> line.contains("master_key.mismatch")))
                    .as("one line per process, however often the ballot is asked for")
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .contains(second.bean(LogFingerprints.class).ballot(ballot))
                            .doesNotContain(ballot)
                            .contains("OPONN_MASTER_KEYSET")
                            .contains("OPONN_SECRET_KEY"));
        }
    }
}
