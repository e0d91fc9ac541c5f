package dev.oponn.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server under test as a child JVM on a loopback port: started, awaited until its health URL answers 200, read
 * from {@code /proc} (resident memory, CPU time) and {@code jcmd} (heap after a full GC), and stopped. Its output
 * goes to a log file under the work directory.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final String name;
    private final Process process;
    private final Target target;
    private final Path log;
    private final long clockTicksPerSecond;
    private final Thread stopOnExit;

    private ServerProcess(String name, Process process, Target target, Path log, long clockTicksPerSecond) {
        this.name = name;
        this.process = process;
        this.target = target;
        this.log = log;
        this.clockTicksPerSecond = clockTicksPerSecond;
        // A harness stopped with Ctrl-C must not leave servers running on the machine (one that did kept a core
        // busy through the next run): asked to stop, then killed if it has not within 15 s.
        this.stopOnExit = new Thread(
                () -> {
                    process.destroy();
                    try {
                        if (!process.waitFor(15, TimeUnit.SECONDS)) {
                            process.destroyForcibly();
                        }
                    } catch (InterruptedException e) {
                        process.destroyForcibly();
                    }
                },
                "stop " + name);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    static ServerProcess start(
            String name,
            List<String> command,
            Map<String, String> env,
            int port,
            String healthPath,
            Path logDir,
            double timeoutSeconds,
            Progress progress)
            throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // Nothing of the caller's Oponn settings leaks into a server under test: it gets exactly what is passed.
        builder.environment().keySet().removeIf(k -> k.startsWith("OPONN_"));
        builder.environment().putAll(env);
        progress.line("   starting " + name + " on 127.0.0.1:" + port + " (log " + log + ")");
        Process process = builder.start();
        ServerProcess server =
                new ServerProcess(name, process, Target.loopback(name, port), log, clockTicksPerSecond());
        long deadline = System.nanoTime() + (long) (timeoutSeconds * 1e9);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + " before it was ready; see " + log
                        + ":\n" + server.logTail(30));
            }
            if (server.healthy(healthPath)) {
                progress.line("   " + name + " ready (pid " + process.pid() + ")");
                return server;
            }
            LockSupport.parkNanos(250_000_000L);
        }
        server.close();
        throw new IOException(name + " did not answer " + healthPath + " within " + timeoutSeconds + " s; see " + log);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    Target target() {
        return target;
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Open file descriptors (sockets included), or -1 where {@code /proc} is not readable. */
    long openFiles() {
        try (java.util.stream.Stream<Path> fds = Files.list(Path.of("/proc/" + pid() + "/fd"))) {
            return fds.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Resident set size from {@code /proc/<pid>/status}, or -1 where that is not readable. */
    long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** User plus system CPU time of the process in nanoseconds, from {@code /proc/<pid>/stat}; -1 if unreadable. */
    long cpuNanos() {
        return cpu().processNanos(pid());
    }

    CpuClock cpu() {
        return new CpuClock(clockTicksPerSecond);
    }

    /** Heap in use after a full collection ({@code jcmd GC.run}, then {@code GC.heap_info}); -1 if unavailable. */
    long heapUsedAfterGc() {
        try {
            jcmd("GC.run");
            String info = jcmd("GC.heap_info");
            Matcher m = HEAP_USED.matcher(info);
            return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), command)
                .redirectErrorStream(true)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("jcmd " + command + " timed out");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private boolean healthy(String path) {
        try (HttpConnection c = new HttpConnection(target.address(), 0, 5000)) {
            return c.exchange(HttpRequest.get(path, List.of())).status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size())));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM (Oponn shuts down gracefully), then a hard kill if it has not exited within 30 s. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it stops the process.
        }
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static long clockTicksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(5, TimeUnit.SECONDS);
            return Long.parseLong(out);
        } catch (IOException | InterruptedException | NumberFormatException e) {
            return 100;
        }
    }
}
