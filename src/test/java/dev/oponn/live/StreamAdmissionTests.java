package dev.oponn.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class StreamAdmissionTests {

    private final StreamAdmission admission = new StreamAdmission(properties(3, 2));

    @Test
    void refusesAClientBeyondItsCapWhileOthersAreStillAdmitted() {
        admit("10.0.0.1");
        admit("10.0.0.1");

        assertThat(admission.admit("10.0.0.1")).isEqualTo(refused(StreamAdmission.Refusal.CLIENT_FULL));
        assertThat(admission.admit("10.0.0.2")).isInstanceOf(StreamAdmission.Admitted.class);
        assertThat(admission.open()).isEqualTo(3);
    }

    @Test
    void refusesEveryoneBeyondTheInstanceCap() {
        admit("10.0.0.1");
        admit("10.0.0.2");
        admit("10.0.0.3");

        assertThat(admission.admit("10.0.0.4")).isEqualTo(refused(StreamAdmission.Refusal.INSTANCE_FULL));
        assertThat(admission.open()).isEqualTo(3);
        assertThat(admission.openFor("10.0.0.4")).isZero();
    }

    @Test
    void releasingTwiceReturnsOneSlotAndForgetsAnIdleClient() {
        StreamAdmission.Ticket ticket = admit("10.0.0.1");

        ticket.release();
        ticket.release();

        assertThat(admission.open()).isZero();
        assertThat(admission.openFor("10.0.0.1")).isZero();
        admit("10.0.0.1");
        admit("10.0.0.1");
    }

    @Test
    void withoutASettingTheInstanceCapIsWhatTheHeapAffords() {
        LiveProperties unset = properties(null, 50);

        assertThat(unset.streamCap(128L * 1024 * 1024)).isEqualTo(4_096);
        assertThat(unset.streamCap(64L * 1024 * 1024 * 1024)).isEqualTo(LiveProperties.DEFAULT_MAX_STREAMS);
        assertThat(properties(7, 50).streamCap(512L * 1024 * 1024)).isEqualTo(7);
    }

    private StreamAdmission.Ticket admit(String client) {
        StreamAdmission.Decision decision = admission.admit(client);
        assertThat(decision).isInstanceOf(StreamAdmission.Admitted.class);
        return ((StreamAdmission.Admitted) decision).ticket();
    }

    private static StreamAdmission.Refused refused(StreamAdmission.Refusal reason) {
        return new StreamAdmission.Refused(reason);
    }

    static LiveProperties properties(@Nullable Integer maxStreams, int maxPerClient) {
        return new LiveProperties(
                Duration.ofMillis(200),
                Duration.ofSeconds(15),
                Duration.ofSeconds(10),
                Duration.ofMinutes(30),
                maxStreams,
                maxPerClient,
                Duration.ofSeconds(60),
                Duration.ofMinutes(10));
    }
}
