package dev.oponn.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.ballot.BallotCatalog;
import dev.oponn.ballot.BallotId;
import dev.oponn.ballot.BallotService;
import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Deleting a ballot destroys it: its data key first, then every row, then every cached copy. */
@OponnTest
class BallotDeletionTests {

    @LocalServerPort
    int port;

    @Autowired
    BallotService ballots;

    @Autowired
    BallotKeys keys;

    @Autowired
    BallotCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void deletingABallotRemovesItsKeyRowsAndCachedCopies() {
        Device device = new Device(port);
        String id = Flows.createBallot(device, "A ballot to be destroyed", "Keep, Drop", true);
        assertThat(Flows.vote(new Device(port), id, "1").status()).isEqualTo(303);
        assertThat(Flows.writeIn(new Device(port), id, "Shred it").status()).isEqualTo(303);
        assertThat(device.get("/results/" + id).body()).contains("Shred it");
        String other = Flows.createBallot(device, "A ballot that stays", "Yes, No", false);

        assertThat(ballots.delete(new BallotId(id))).isTrue();

        for (String table : List.of("ballot_key", "ballot_option", "ballot_voter", "tally_shard")) {
            assertThat(rows(table, "ballot_id", id)).as("rows of %s", table).isZero();
        }
        assertThat(rows("ballot", "id", id)).isZero();
        assertThat(keys.cipher(id)).as("no data key anywhere").isEmpty();
        assertThat(device.get("/vote/" + id).status()).isEqualTo(404);
        assertThat(device.get("/results/" + id).status()).isEqualTo(404);
        assertThat(device.get("/vote/" + other).body()).contains("A ballot that stays");
        assertThat(ballots.delete(new BallotId(id)))
                .as("deleting twice finds nothing")
                .isFalse();
    }

    @Test
    void withoutItsDataKeyABallotIsGoneEvenIfItsRowsRemain() {
        String id = Flows.createBallot(new Device(port), "Rows left behind", "One, Two", false);

        assertThat(keys.destroy(id)).isTrue();

        assertThat(rows("ballot", "id", id)).isOne();
        assertThat(catalog.refresh(new BallotId(id))).isEmpty();
        assertThat(new Device(port).get("/vote/" + id).status()).isEqualTo(404);
    }

    private long rows(String table, String column, String id) {
        return jdbc.sql("SELECT count(*) FROM %s WHERE %s = :id".formatted(table, column))
                .param("id", id)
                .query(Long.class)
                .single();
    }
}
