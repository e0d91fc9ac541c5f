package dev.oponn.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS KMS emulator {@code moto_server} (on the PATH), reached through a {@link Gate} so that an outage can be
 * made and ended without losing the keys moto holds only in memory.
 */
final class Moto implements AutoCloseable {

    static final String REGION = "us-east-1";
    private static final Pattern KEY_ID = Pattern.compile("\"KeyId\"\\s*:\\s*\"([^\"]+)\"");

    private final Process process;
    private final Gate gate;

    private Moto(Process process, Gate gate) {
        this.process = process;
        this.gate = gate;
    }

    static Moto start(Path dir) {
        int port = Ports.free();
        try {
            Process process = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("moto.log").toFile())
                    .start();
            if (!Ports.await(Duration.ofSeconds(60), () -> Ports.accepting(port))) {
                process.destroyForcibly();
                throw new IllegalStateException("moto_server did not listen; see " + dir.resolve("moto.log"));
            }
            return new Moto(process, new Gate(port).open());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start moto_server (is it on the PATH?)", e);
        }
    }

    /** Where Oponn reaches the KMS: the gate's port. */
    String endpoint() {
        return "http://127.0.0.1:" + gate.port();
    }

    Gate gate() {
        return gate;
    }

    /**
     * A new KMS key, by the KMS JSON protocol an SDK speaks. moto checks that a request is signed in SigV4's shape,
     * not the signature, so a fixed one serves.
     */
    String createKey() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "TrentService.CreateKey")
                .header(
                        "Authorization",
                        "AWS4-HMAC-SHA256 Credential=test/20260101/" + REGION + "/kms/aws4_request, "
                                + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=00")
                .header("X-Amz-Date", "20260101T000000Z")
                .POST(HttpRequest.BodyPublishers.ofString("{\"Description\":\"oponn faults\"}"))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher id = KEY_ID.matcher(response.body());
            if (response.statusCode() != 200 || !id.find()) {
                throw new IllegalStateException(
                        "moto CreateKey answered " + response.statusCode() + ": " + response.body());
            }
            return id.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        gate.close();
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
