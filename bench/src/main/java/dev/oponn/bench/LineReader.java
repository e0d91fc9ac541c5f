package dev.oponn.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads LF-terminated lines (CR LF tolerated) from a stream through one reusable buffer. The viewers read every
 * event of every stream through this, so it scans the buffer for line ends instead of calling {@code read()} per
 * byte.
 */
final class LineReader {

    private final InputStream in;
    private final int maxLine;
    private byte[] buffer;
    private int start;
    private int end;

    LineReader(InputStream in, int initialBuffer, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
        this.buffer = new byte[initialBuffer];
    }

    /** The next line without its terminator, or null when the stream ended (a partial last line is dropped). */
    String readLine() throws IOException {
        int scanned = 0;
        while (true) {
            for (int i = start + scanned; i < end; i++) {
                if (buffer[i] == '\n') {
                    int lineEnd = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buffer, start, lineEnd - start, StandardCharsets.UTF_8);
                    start = i + 1;
                    return line;
                }
            }
            // Offsets from start survive the compaction in fill().
            scanned = end - start;
            if (!fill()) {
                return null;
            }
        }
    }

    private boolean fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            if (buffer.length >= maxLine) {
                throw new IOException("line longer than " + maxLine + " bytes");
            }
            buffer = Arrays.copyOf(buffer, Math.min(maxLine, buffer.length * 2));
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            return false;
        }
        end += n;
        return true;
    }
}
