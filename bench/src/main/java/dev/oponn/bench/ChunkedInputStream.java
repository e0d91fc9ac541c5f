package dev.oponn.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes an HTTP/1.1 {@code Transfer-Encoding: chunked} body as it arrives, so that a long-lived event stream can
 * be read event by event. Returns -1 after the last (zero-length) chunk and its trailers.
 *
 * <p>The CRLF that ends a chunk's data is read only when the next chunk is wanted: Jetty sends it as the start of
 * the next chunk, so a reader that waited for it would see each event only when the next one (or a heartbeat)
 * arrived, as browsers do not.
 */
final class ChunkedInputStream extends InputStream {

    private static final int MAX_LINE = 8192;

    private final InputStream in;
    private long remaining;
    private boolean inChunk;
    private boolean finished;

    ChunkedInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (finished) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        if (remaining == 0) {
            if (inChunk) {
                expectLineEnd();
                inChunk = false;
            }
            remaining = nextChunkSize();
            inChunk = true;
            if (remaining == 0) {
                skipTrailers();
                finished = true;
                return -1;
            }
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n < 0) {
            throw new EOFException("stream ended inside a chunk");
        }
        remaining -= n;
        return n;
    }

    @Override
    public int available() throws IOException {
        return finished ? 0 : (int) Math.min(remaining, in.available());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private long nextChunkSize() throws IOException {
        String line = HttpConnection.readLine(in, MAX_LINE);
        if (line == null) {
            throw new EOFException("stream ended before a chunk size");
        }
        int extension = line.indexOf(';');
        String hex = (extension < 0 ? line : line.substring(0, extension)).strip();
        try {
            return Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new IOException("bad chunk size: " + hex);
        }
    }

    private void expectLineEnd() throws IOException {
        String line = HttpConnection.readLine(in, MAX_LINE);
        if (line == null || !line.isEmpty()) {
            throw new IOException("chunk not followed by CRLF");
        }
    }

    private void skipTrailers() throws IOException {
        for (int i = 0; i < 100; i++) {
            String line = HttpConnection.readLine(in, MAX_LINE);
            if (line == null || line.isEmpty()) {
                return;
            }
        }
        throw new IOException("too many trailer lines");
    }
}
