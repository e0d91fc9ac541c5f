package dev.oponn.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Starting Oponn from its jar the way an operator would, and asking it whether it has a live stream. */
final class Oponn {

    private Oponn() {}

    static ServerProcess start(Run run, String name, Path jar, String secret, String redisUrl) throws Exception {
        int port = ServerProcess.freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--server.address=127.0.0.1",
                "--server.port=" + port,
                // Oponn's own default (12,000 connections) is sized for its default stream cap; the 10,000-viewer
                // scenario plus the voters and probes need a little more room. A container limit, not Oponn's.
                "--server.jetty.max-connections=30000",
                // The 10,000-viewer scenario is exactly Oponn's default stream cap; streams of the scenario before
                // are still being noticed gone (at their next write) when the next one connects.
                "--oponn.live.max-streams=20000"));
        command.addAll(run.options().serverArgs());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OPONN_DATABASE_URL", run.database().url());
        env.put("OPONN_DATABASE_USER", BenchDatabase.USER);
        env.put("OPONN_DATABASE_PASSWORD", "");
        env.put("OPONN_DATABASE_POOL_SIZE", "10");
        env.put("OPONN_SECRET_KEY", secret);
        // Shared by every instance of the run: a locally generated master keyset must be the same on each.
        env.put("OPONN_DATA_DIR", run.options().workDir().resolve("oponn-data").toString());
        if (redisUrl != null) {
            env.put("OPONN_REDIS_URL", redisUrl);
        }
        return ServerProcess.start(
                name,
                command,
                env,
                port,
                "/actuator/health",
                run.options().workDir().resolve("logs"),
                run.scale().startTimeoutSeconds(),
                run.progress());
    }

    /** Empty when {@code GET /ballots/{id}/live-results} is an event stream; otherwise why it is not available. */
    static Optional<String> liveUnavailable(Target target, String ballot, int client) {
        try (HttpConnection connection = target.connection(client)) {
            HttpConnection.StreamResponse response = connection.openStream(Site.liveRequest(ballot), 10_000);
            String type = response.headers().first("Content-Type");
            if (response.status() == 200 && type != null && type.startsWith("text/event-stream")) {
                return Optional.empty();
            }
            return Optional.of("GET /ballots/{id}/live-results answered " + response.status()
                    + (type == null ? "" : " (" + type + ")") + ": the live-results feature is not in this build");
        } catch (IOException e) {
            return Optional.of("GET /ballots/{id}/live-results failed: " + e);
        }
    }
}
