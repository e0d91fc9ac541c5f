package dev.oponn.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotDraft;
import dev.oponn.ballot.BallotService;
import dev.oponn.support.Device;
import dev.oponn.support.OponnTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** With {@code OPONN_PUBLIC_URL} set, the QR code encodes that address, never the request's Host. */
@OponnTest
@TestPropertySource(properties = "oponn.public-url=https://vote.example.org")
class QrCodeWithPublicUrlTests {

    @LocalServerPort
    int port;

    @Autowired
    BallotService ballots;

    @Test
    void theQrCodeEncodesTheConfiguredPublicUrl() throws Exception {
        Ballot ballot = ballots.create(new BallotDraft("Public?", List.of("a", "b"), false, Instant.now(), null));

        String svg = new Device(port)
                .get("/ballots/" + ballot.id().value() + "/qr.svg")
                .body();

        assertThat(ExportAndShareTests.decode(svg))
                .isEqualTo("https://vote.example.org/vote/" + ballot.id().value());
    }
}
