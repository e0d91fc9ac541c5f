package dev.oponn.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oponn.ballot.BallotId;
import dev.oponn.ballot.BallotService;
import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Live hears {@code BallotDeleted}: the streams of a deleted ballot end, and a new one finds no ballot. */
@OponnTest
@ExtendWith(OutputCaptureExtension.class)
class DeletedBallotStreamTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    BallotService ballots;

    @Autowired
    LiveResults live;

    final HttpClient http = SseClient.newHttp();

    @AfterEach
    void closeClient() {
        http.shutdownNow();
    }

    @Test
    void deletingABallotEndsItsStreamsWithTheClosedEvent(CapturedOutput output) {
        String ballot = Flows.createBallot(new Device(http, port), "Soon gone?", "yes, no", false);
        SseClient stream = SseClient.open(http, port, "/ballots/" + ballot + "/live-results");
        await().atMost(WAIT).until(() -> stream.lastVersion() == 0);

        assertThat(ballots.delete(new BallotId(ballot))).isTrue();

        await().atMost(WAIT).until(stream::ended);
        assertThat(stream.events().getLast().type()).isEqualTo("closed");
        assertThat(live.tracks(new BallotId(ballot)))
                .as("its feed is forgotten")
                .isFalse();
        SseClient again = SseClient.open(http, port, "/ballots/" + ballot + "/live-results");
        assertThat(again.status()).as("the ballot is gone").isEqualTo(404);
        assertThat(output.getOut())
                .as("the deletion is logged by the ballot's fingerprint, never its id (the vote link)")
                .contains("live.ballot_deleted", live.fingerprint(new BallotId(ballot)))
                .doesNotContain(ballot);
    }
}
