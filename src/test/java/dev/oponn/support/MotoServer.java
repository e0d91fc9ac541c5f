package dev.oponn.support;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The AWS KMS emulator {@code moto_server} (on the PATH) on a free loopback port, for as long as this object is
 * open. Its keys live in its memory, so stopping it is a KMS outage that loses every key.
 */
public final class MotoServer implements AutoCloseable {

    public static final String REGION = "us-east-1";
    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private final Process process;
    private final int port;
    private final File log;

    private MotoServer(Process process, int port, File log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static MotoServer start() {
        try {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            File log = File.createTempFile("moto-", ".log");
            Process process = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log)
                    .start();
            MotoServer moto = new MotoServer(process, port, log);
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("moto_server exited; see " + log);
                        }
                        return moto.accepting();
                    });
            return moto;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start moto_server (is it on the PATH?)", e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** A client of its own, for the test to create and disable keys as an operator would. */
    public KmsClient client() {
        return KmsClient.builder()
                .region(Region.of(REGION))
                .endpointOverride(URI.create(endpoint()))
                .credentialsProvider(CREDENTIALS)
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                .build();
    }

    public String createKey() {
        try (KmsClient kms = client()) {
            return kms.createKey(request -> request.description("oponn test"))
                    .keyMetadata()
                    .keyId();
        }
    }

    private boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the emulator and waits until its port refuses connections. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(20))) {
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> !accepting());
        log.delete();
    }
}
