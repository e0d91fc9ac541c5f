package dev.oponn.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotCatalog;
import dev.oponn.ballot.BallotDraft;
import dev.oponn.ballot.BallotService;
import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whoever can write to the database can alter, cut or move ciphertexts, but never make Oponn show anything but an
 * error for them: each field is bound to its ballot, column and option, and the data key to its ballot.
 */
@OponnTest
class TamperTests {

    @LocalServerPort
    int port;

    @Autowired
    BallotService ballots;

    @Autowired
    BallotCatalog catalog;

    @Autowired
    DataKeyCache dataKeys;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFlippedBitInTheMeasureFailsClosed() {
        Ballot ballot = create("Flip-a-bit measure", "Apple", "Pear");
        jdbc.sql("UPDATE ballot SET measure = set_bit(measure, 120, 1 - get_bit(measure, 120)) WHERE id = :id")
                .param("id", ballot.id().value())
                .update();
        assertFailsClosed(ballot);
    }

    @Test
    void aTruncatedOptionFailsClosed() {
        Ballot ballot = create("Truncation measure", "Apple", "Pear");
        jdbc.sql("""
                        UPDATE ballot_option SET label = substring(label FROM 1 FOR length(label) - 1)
                        WHERE ballot_id = :id AND option_id = 2
                        """).param("id", ballot.id().value()).update();
        assertFailsClosed(ballot);
    }

    @Test
    void aMeasureSwappedWithAnotherBallotsFailsClosedOnBoth() {
        Ballot first = create("First ballot's measure", "Apple", "Pear");
        Ballot second = create("Second ballot's measure", "Apple", "Pear");
        jdbc.sql("""
                        UPDATE ballot b SET measure = o.measure
                        FROM ballot o WHERE (b.id, o.id) IN ((:a, :b), (:b, :a))
                        """)
                .param("a", first.id().value())
                .param("b", second.id().value())
                .update();
        assertFailsClosed(first);
        assertFailsClosed(second);
    }

    @Test
    void anOptionMovedToTheSameOptionOfAnotherBallotFailsClosed() {
        Ballot source = create("Source ballot", "Moved label", "Other");
        Ballot target = create("Target ballot", "Apple", "Pear");
        jdbc.sql("""
                        UPDATE ballot_option SET label =
                            (SELECT label FROM ballot_option WHERE ballot_id = :source AND option_id = 1)
                        WHERE ballot_id = :target AND option_id = 1
                        """)
                .param("source", source.id().value())
                .param("target", target.id().value())
                .update();
        assertFailsClosed(target);
    }

    @Test
    void optionLabelsSwappedWithinABallotFailClosed() {
        Ballot ballot = create("Swapped options", "Apple", "Pear");
        jdbc.sql("""
                        UPDATE ballot_option b SET label = o.label FROM ballot_option o
                        WHERE b.ballot_id = :id AND o.ballot_id = :id AND b.option_id + o.option_id = 3
                        """).param("id", ballot.id().value()).update();
        assertFailsClosed(ballot);
    }

    @Test
    void aLabelCopiedIntoTheMeasureFailsClosed() {
        Ballot ballot = create("Field-swap measure", "Apple", "Pear");
        jdbc.sql("""
                        UPDATE ballot SET measure =
                            (SELECT label FROM ballot_option WHERE ballot_id = :id AND option_id = 1)
                        WHERE id = :id
                        """).param("id", ballot.id().value()).update();
        assertFailsClosed(ballot);
    }

    @Test
    void wrappedKeysSwappedBetweenBallotsDoNotUnwrap() {
        Ballot first = create("First wrapped key", "Apple", "Pear");
        Ballot second = create("Second wrapped key", "Apple", "Pear");
        jdbc.sql("""
                        UPDATE ballot_key b SET wrapped_key = o.wrapped_key
                        FROM ballot_key o WHERE (b.ballot_id, o.ballot_id) IN ((:a, :b), (:b, :a))
                        """)
                .param("a", first.id().value())
                .param("b", second.id().value())
                .update();
        dataKeys.evictLocal(first.id().value());
        dataKeys.evictLocal(second.id().value());
        assertFailsClosed(first);
        assertFailsClosed(second);
    }

    @Test
    void aFlippedBitInTheWrappedKeyFailsClosed() {
        Ballot ballot = create("Flipped wrapped key", "Apple", "Pear");
        jdbc.sql("""
                        UPDATE ballot_key SET wrapped_key = set_bit(wrapped_key, 200, 1 - get_bit(wrapped_key, 200))
                        WHERE ballot_id = :id
                        """).param("id", ballot.id().value()).update();
        dataKeys.evictLocal(ballot.id().value());
        assertFailsClosed(ballot);
    }

    private Ballot create(String measure, String... options) {
        return ballots.create(new BallotDraft(measure, List.of(options), true, Instant.now(), null));
    }

    /** No text from the service, an error page without text over HTTP, and no vote written. */
    private void assertFailsClosed(Ballot ballot) {
        assertThatThrownBy(() -> catalog.refresh(ballot.id()))
                .isInstanceOf(CiphertextRejectedException.class)
                .message()
                .doesNotContain(ballot.measure())
                .doesNotContain(ballot.options().get(0).label());

        Device device = new Device(port);
        Device.Response page = device.get("/vote/" + ballot.id());
        assertThat(page.status()).isEqualTo(500);
        assertThat(page.body())
                .doesNotContain(ballot.measure())
                .doesNotContain(ballot.options().get(0).label())
                .doesNotContain("Exception");

        Device.Response vote = Flows.writeIn(device, ballot.id().value(), "A write-in on a tampered ballot");
        assertThat(vote.status()).isEqualTo(500);
        assertThat(jdbc.sql("SELECT count(*) FROM ballot_voter WHERE ballot_id = :id")
                        .param("id", ballot.id().value())
                        .query(Long.class)
                        .single())
                .as("nothing was written for a ballot that failed to open")
                .isZero();
    }
}
