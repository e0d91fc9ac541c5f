package dev.oponn.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormValueCounterTests {

    @Test
    void countsEveryValueOfARepeatedNameOnTheRawBytes() {
        FormValueCounter counter = new FormValueCounter();
        counter.add(bytes("p=&p=&".repeat(21_000)));
        assertThat(counter.values()).isEqualTo(42_000);
    }

    @Test
    void countsNamesWithoutValuesAndSkipsEmptyRuns() {
        FormValueCounter counter = new FormValueCounter();
        counter.add(bytes("&a=1&&b&c=%26&"));
        assertThat(counter.values()).isEqualTo(3);
    }

    @Test
    void aValueSplitAcrossChunksCountsOnce() {
        FormValueCounter counter = new FormValueCounter();
        counter.add(bytes("measure=Lim"));
        counter.add(bytes("its+hold&options_raw=yes"));
        counter.add(bytes(",no"));
        assertThat(counter.values()).isEqualTo(2);
    }

    @Test
    void theQueryStringAndTheBodyAreCountedTogetherButNotJoined() {
        FormValueCounter counter = new FormValueCounter();
        counter.add("a=1&b=2");
        counter.add(bytes("c=3"));
        assertThat(counter.values()).isEqualTo(3);
    }

    @Test
    void anEmptyBodyHasNoValues() {
        FormValueCounter counter = new FormValueCounter();
        counter.add(ByteBuffer.allocate(0));
        assertThat(counter.values()).isZero();
    }

    @Test
    void countingLeavesTheBufferForTheApplication() {
        ByteBuffer body = bytes("a=1&b=2");
        new FormValueCounter().add(body);
        assertThat(body.remaining()).isEqualTo(7);
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }
}
