package dev.oponn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SseParsingTests {

    private static List<SseEvent> parse(String stream) throws IOException {
        return parse(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<SseEvent> parse(InputStream in) throws IOException {
        LineReader lines = new LineReader(in, 16, 1 << 20);
        SseParser parser = new SseParser();
        List<SseEvent> events = new ArrayList<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            parser.accept(line).ifPresent(events::add);
        }
        return events;
    }

    @Test
    void joinsDataLinesAndReadsTheIdAsTheVersion() throws IOException {
        List<SseEvent> events = parse("id: 7\ndata: <section data-version=\"7\">\ndata: </section>\n\n");

        assertThat(events).hasSize(1);
        assertThat(events.getFirst().version()).isEqualTo(7);
        assertThat(events.getFirst().type()).isEqualTo("message");
        assertThat(events.getFirst().data()).isEqualTo("<section data-version=\"7\">\n</section>");
    }

    @Test
    void heartbeatCommentsAreNotEvents() throws IOException {
        SseParser parser = new SseParser();

        assertThat(parser.accept(":")).isEmpty();
        assertThat(parser.accept(": keep-alive")).isEmpty();
        assertThat(parser.accept("")).isEmpty();
        assertThat(parser.comments()).isEqualTo(2);
    }

    @Test
    void toleratesCrLfNoSpaceAfterColonAndUnknownFields() throws IOException {
        List<SseEvent> events = parse("retry: 1000\r\nevent:update\r\nid:3\r\nfoo: bar\r\ndata:x\r\n\r\n");

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("update");
            assertThat(e.version()).isEqualTo(3);
            assertThat(e.data()).isEqualTo("x");
        });
    }

    @Test
    void idCarriesOverToLaterEventsAndANonNumericIdIsNoVersion() throws IOException {
        List<SseEvent> events = parse("id: 5\ndata: a\n\ndata: b\n\nid: abc\ndata: c\n\n");

        assertThat(events).extracting(SseEvent::version).containsExactly(5L, 5L, -1L);
    }

    @Test
    void anUnfinishedEventAtTheEndOfTheStreamIsNotDispatched() throws IOException {
        assertThat(parse("id: 1\ndata: done\n\nid: 2\ndata: half")).hasSize(1);
    }

    @Test
    void decodesChunkedBodiesWhoseChunksSplitLinesAndEvents() throws IOException {
        String events = "id: 1\ndata: <p>één</p>\n\n:\n\nid: 2\ndata: two\n\n";
        byte[] bytes = events.getBytes(StandardCharsets.UTF_8);
        int[] cuts = {0, 3, 11, 12, bytes.length};
        java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
        for (int i = 0; i + 1 < cuts.length; i++) {
            int n = cuts[i + 1] - cuts[i];
            wire.writeBytes(
                    (Integer.toHexString(n) + (i == 1 ? ";ext=1" : "") + "\r\n").getBytes(StandardCharsets.US_ASCII));
            wire.write(bytes, cuts[i], n);
            wire.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        wire.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        List<SseEvent> parsed = parse(new ChunkedInputStream(new ByteArrayInputStream(wire.toByteArray())));

        assertThat(parsed).extracting(SseEvent::version).containsExactly(1L, 2L);
        assertThat(parsed.getFirst().data()).isEqualTo("<p>één</p>");
    }

    /** Jetty sends the CRLF that ends a chunk with the next chunk: the data must be readable before it. */
    @Test
    void aChunksDataIsReadableBeforeTheCrlfThatEndsIt() throws IOException {
        byte[] wire = "5\r\nhello".getBytes(StandardCharsets.US_ASCII);
        ChunkedInputStream in = new ChunkedInputStream(new ByteArrayInputStream(wire));

        assertThat(new String(in.readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("hello");
    }

    @Test
    void aChunkedStreamCutInsideAChunkIsAnError() {
        byte[] wire = "a\r\nabc".getBytes(StandardCharsets.US_ASCII);

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new ChunkedInputStream(new ByteArrayInputStream(wire)).readAllBytes())
                .isInstanceOf(IOException.class);
    }

    @Test
    void lineReaderHandlesLinesLongerThanItsFirstBuffer() throws IOException {
        String longLine = "data: " + "x".repeat(5000);
        List<SseEvent> events = parse(longLine + "\n\n");

        assertThat(events).singleElement().extracting(SseEvent::data).isEqualTo("x".repeat(5000));
        assertThat(Optional.of(events.getFirst().id())).contains("");
    }
}
