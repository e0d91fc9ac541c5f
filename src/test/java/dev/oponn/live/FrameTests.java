package dev.oponn.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameTests {

    @Test
    void anUpdateIsTheVersionAsIdAndOneDataLinePerLine() {
        Frame frame = Frame.update(42, "<section>\n  <p>é</p>\n</section>\n", "{}", 0);

        assertThat(text(frame)).isEqualTo("id: 42\ndata: <section>\ndata:   <p>é</p>\ndata: </section>\n\n");
    }

    @Test
    void everyLineBreakFormStartsANewDataLineSoTextCannotOpenAFieldOfItsOwn() {
        Frame frame = Frame.update(1, "a\rid: 999\r\nevent: closed\nb", "{}", 0);

        assertThat(text(frame).split("\n"))
                .containsExactly("id: 1", "data: a", "data: id: 999", "data: event: closed", "data: b");
    }

    @Test
    void theFinalUpdateIsFollowedByTheClosedEvent() {
        assertThat(text(Frame.finalUpdate(3, "<p>x</p>", "{}")))
                .isEqualTo("id: 3\ndata: <p>x</p>\n\nevent: closed\ndata: voting closed\n\n");
        assertThat(Frame.finalUpdate(3, "<p>x</p>", "{}").last())
                .as("the stream lingers for a reopening")
                .isFalse();
    }

    @Test
    void theEndTellsThePageToStopListeningAndEndsTheStream() {
        assertThat(text(Frame.end())).isEqualTo("event: end\ndata: over\n\n");
        assertThat(Frame.end().last()).isTrue();
    }

    @Test
    void heartbeatsAreCommentsAndShutdownIsARetryHint() {
        assertThat(text(Frame.heartbeat())).startsWith(":").endsWith("\n\n");
        assertThat(text(Frame.retry(2500))).isEqualTo("retry: 2500\n\n");
        assertThat(Frame.retry(2500).isUpdate()).isFalse();
    }

    @Test
    void lastEventIdAcceptsOnlyAPlainVersion() {
        assertThat(LastEventId.parse("17")).isEqualTo(17);
        assertThat(LastEventId.parse(" 17 ")).isEqualTo(17);
        for (String garbage : List.of("-1", "abc", "1.5", "", "0x10", "9".repeat(19), "9".repeat(10 * 1024))) {
            assertThat(LastEventId.parse(garbage)).as(garbage).isEqualTo(Frame.NO_VERSION);
        }
        assertThat(LastEventId.parse(null)).isEqualTo(Frame.NO_VERSION);
    }

    private static String text(Frame frame) {
        return new String(frame.bytes(), StandardCharsets.UTF_8);
    }
}
