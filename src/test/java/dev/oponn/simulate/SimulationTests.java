package dev.oponn.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code ./oponn simulate}: N votes through HTTP, each from a new device, all counted, with a progress bar. */
@OponnTest
class SimulationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void castsTheRequestedVotesEachFromANewDevice() {
        String ballot = Flows.createBallot(new Device(port), "Simulated turnout", "red, green, blue", true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SimulationOptions options = SimulationOptions.parse(
                new String[] {"http://127.0.0.1:" + port + "/vote/" + ballot, "--votes", "40", "--concurrency", "8"},
                Map.of());

        boolean allCast = new Simulation(options, new PrintStream(out, true, StandardCharsets.UTF_8)).run();

        assertThat(allCast).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM ballot_voter WHERE ballot_id = :id")
                        .param("id", ballot)
                        .query(Long.class)
                        .single())
                .as("forty distinct devices")
                .isEqualTo(40);
        assertThat(jdbc.sql("SELECT sum(votes) FROM tally_shard WHERE ballot_id = :id")
                        .param("id", ballot)
                        .query(Long.class)
                        .single())
                .isEqualTo(40);
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("100% 40/40", "40 cast, 0 refused, 0 failed");
    }

    @Test
    void solvesTheProofOfWorkOfABallotThatAsksForOne() {
        String ballot = Flows.createBallotWith(
                new Device(port),
                "measure",
                "Simulated proof",
                "options_raw",
                "a, b",
                "duration_mins",
                "0",
                "vote_challenge",
                "on");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SimulationOptions options = SimulationOptions.parse(
                new String[] {"http://127.0.0.1:" + port + "/vote/" + ballot, "--votes", "10", "--concurrency", "4"},
                Map.of());

        assertThat(new Simulation(options, new PrintStream(out, true, StandardCharsets.UTF_8)).run())
                .as(out.toString(StandardCharsets.UTF_8))
                .isTrue();
        assertThat(jdbc.sql("SELECT sum(votes) FROM tally_shard WHERE ballot_id = :id")
                        .param("id", ballot)
                        .query(Long.class)
                        .single())
                .isEqualTo(10);
    }

    @Test
    void reportsVotesThatCouldNotBeCast() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SimulationOptions options = SimulationOptions.parse(
                new String[] {"AAAAAAAAAAAAAAAAAAAAAA", "--votes", "3", "--base-url", "http://127.0.0.1:" + port},
                Map.of());

        assertThat(new Simulation(options, new PrintStream(out, true, StandardCharsets.UTF_8)).run())
                .isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 cast, 0 refused, 3 failed", "answered 404");
    }

    @Test
    void readsTheServerFromABallotUrlOrTheBaseUrlOrServerPort() {
        assertThat(SimulationOptions.parse(
                                new String[] {"https://vote.example.org/results/AAAAAAAAAAAAAAAAAAAAAA", "--votes", "5"
                                },
                                Map.of())
                        .votePage())
                .isEqualTo(URI.create("https://vote.example.org/vote/AAAAAAAAAAAAAAAAAAAAAA"));
        assertThat(SimulationOptions.parse(
                                new String[] {"AAAAAAAAAAAAAAAAAAAAAA", "--votes", "5", "--base-url", "http://h:9000/"},
                                Map.of())
                        .votePage())
                .isEqualTo(URI.create("http://h:9000/vote/AAAAAAAAAAAAAAAAAAAAAA"));
        assertThat(SimulationOptions.parse(
                                new String[] {"AAAAAAAAAAAAAAAAAAAAAA", "--votes", "5"}, Map.of("SERVER_PORT", "8181"))
                        .votePage())
                .isEqualTo(URI.create("http://localhost:8181/vote/AAAAAAAAAAAAAAAAAAAAAA"));
    }

    @Test
    void refusesArgumentsItCannotUse() {
        assertThatThrownBy(() -> SimulationOptions.parse(new String[] {"AAAAAAAAAAAAAAAAAAAAAA"}, Map.of()))
                .hasMessage("Say how many votes to cast with --votes N.");
        assertThatThrownBy(() -> SimulationOptions.parse(new String[] {"--votes", "3"}, Map.of()))
                .hasMessage("Name the ballot: its URL or its id.");
        assertThatThrownBy(() -> SimulationOptions.parse(new String[] {"x", "--votes", "many"}, Map.of()))
                .hasMessage("--votes takes a whole number, not 'many'.");
        assertThatThrownBy(() ->
                        SimulationOptions.parse(new String[] {"AAAAAAAAAAAAAAAAAAAAAA", "--votes", "0"}, Map.of()))
                .hasMessage("--votes must be at least 1.");
    }
}
