package dev.oponn.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The application's development jar ({@code target/oponn-<version>.jar}, the embedded-database binaries inside but
 * unused here: every instance is given {@code OPONN_DATABASE_URL}), and how to run it: as a server or as one of its
 * operator commands ({@code keyset}, {@code rewrap}).
 */
record OponnJar(Path path) {

    static OponnJar find() {
        Path dir = Path.of(System.getProperty("oponn.faults.jar.dir", "../target"));
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> {
                        String name = p.getFileName().toString();
                        return name.startsWith("oponn-")
                                && name.endsWith(".jar")
                                && !name.endsWith("-server.jar")
                                && !name.endsWith("-plain.jar");
                    })
                    .findFirst()
                    .map(OponnJar::new)
                    .orElseThrow(() -> noJar(dir));
        } catch (IOException e) {
            throw noJar(dir);
        }
    }

    private static IllegalStateException noJar(Path dir) {
        return new IllegalStateException("no Oponn jar in " + dir.toAbsolutePath()
                + ": build it first (./mvnw -DskipTests package, or faults/run, which does)");
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The command line of a server: a small heap and the quick compiler, since two or three share two cores. */
    List<String> server() {
        return List.of(
                java().toString(), "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", path.toString());
    }

    /** Runs an operator command of the jar with these settings and returns what it printed. */
    String command(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(
                List.of(java().toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", path.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("OPONN_"));
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("oponn " + String.join(" ", args) + " exited " + exit + ":\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
