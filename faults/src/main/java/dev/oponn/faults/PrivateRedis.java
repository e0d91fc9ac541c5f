package dev.oponn.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} of the harness's own on a fixed free port, never the machine's: stopped and started again
 * on the same port, it comes back empty ({@code --save ""}, no AOF), as a Redis that lost its memory does.
 */
final class PrivateRedis implements AutoCloseable {

    private final int port;
    private final Path dir;
    private Process process;

    PrivateRedis(Path dir) {
        this.port = Ports.free();
        this.dir = dir;
    }

    String url() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    PrivateRedis start() {
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
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("redis.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start redis-server (is it installed?)", e);
        }
        if (!Ports.await(Duration.ofSeconds(20), () -> Ports.accepting(port))) {
            throw new IllegalStateException("redis-server did not listen on " + port);
        }
        return this;
    }

    void stop() {
        Process running = process;
        if (running == null) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(20, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }
}
