package dev.oponn.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Oponn as a child process on a fixed loopback port, so that it comes back where clients expect it after a
 * {@code kill -9}. Every incarnation appends to the same log, which the abuse checks read.
 */
final class OponnInstance implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    private final String name;
    private final OponnJar jar;
    private final int port;
    private final Map<String, String> env;
    private final Path log;
    private final HttpClient probe = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private volatile Process process;

    OponnInstance(String name, OponnJar jar, Map<String, String> settings, Path dir) {
        this.name = name;
        this.jar = jar;
        this.port = Ports.free();
        this.log = dir.resolve(name + ".log");
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put("SERVER_PORT", Integer.toString(port));
        all.put("OPONN_DATA_DIR", dir.resolve(name + "-data").toString());
        this.env = Map.copyOf(all);
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return log;
    }

    String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** Starts the process; {@link #awaitReady()} waits for it. */
    OponnInstance launch() {
        ProcessBuilder builder = new ProcessBuilder(jar.server())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("OPONN_"));
        builder.environment().putAll(env);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        return this;
    }

    /** Waits until readiness answers 200 (database, Redis and master key all up); returns how long that took. */
    Duration awaitReady() {
        long start = System.nanoTime();
        boolean ready = Ports.await(START_TIMEOUT, () -> {
            if (!alive()) {
                throw new IllegalStateException(name + " exited before it was ready; see " + log);
            }
            return ready();
        });
        if (!ready) {
            throw new IllegalStateException(name + " was not ready within " + START_TIMEOUT + "; see " + log);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    boolean ready() {
        try {
            HttpResponse<Void> response = probe.send(
                    HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(3))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Heap in use after a full collection ({@code jcmd GC.run}, then {@code GC.heap_info}), in bytes. */
    long heapAfterGc() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Commands.run(java.util.List.of(jcmd.toString(), Long.toString(pid()), "GC.run"));
        String info = Commands.run(java.util.List.of(jcmd.toString(), Long.toString(pid()), "GC.heap_info"));
        // The generations' lines ("DefNew total 116160K, used 31005K [...", "Tenured total ..."), not their spaces'
        // ("eden space 103296K, 30% used") nor Metaspace's ("used 1234K, committed ...", no total).
        java.util.regex.Pattern used = java.util.regex.Pattern.compile("total \\d+K, used (\\d+)K");
        long bytes = info.lines()
                .map(used::matcher)
                .filter(java.util.regex.Matcher::find)
                .mapToLong(m -> Long.parseLong(m.group(1)) * 1024)
                .sum();
        if (bytes == 0) {
            throw new IllegalStateException("no heap figure in: " + info);
        }
        return bytes;
    }

    /** The sum of a Prometheus metric's samples on {@code /actuator/prometheus} (0 when it has none yet). */
    double metric(String name) {
        try {
            HttpResponse<String> response = probe.send(
                    HttpRequest.newBuilder(URI.create(base() + "/actuator/prometheus"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body()
                    .lines()
                    .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no draining, no goodbye to clients. */
    void kill9() {
        Process p = process;
        p.destroyForcibly();
        try {
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM: Oponn's graceful shutdown; then SIGKILL if it has not ended within 40 s. */
    void stop() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(40, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        probe.close();
    }
}
