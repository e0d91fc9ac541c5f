package dev.oponn.live;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A private {@code redis-server} on a free port, never the shared one: a test may stop and start it at will.
 * Nothing is persisted ({@code --save ""}, no AOF).
 */
final class RedisServer implements AutoCloseable {

    private final int port;
    private final Path dir;
    private @Nullable Process process;

    RedisServer(Path dir) {
        this.port = freePort();
        this.dir = dir;
    }

    String url() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    RedisServer start() {
        try {
            process = new ProcessBuilder(
                            "redis-server",
                            "--port",
                            String.valueOf(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--dir",
                            dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis-" + port + ".log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start redis-server (is it installed?)", e);
        }
        await().atMost(Duration.ofSeconds(20)).until(this::answersPing);
        return this;
    }

    void stop() {
        Process running = process;
        if (running != null) {
            running.destroy();
            try {
                running.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private boolean answersPing() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
