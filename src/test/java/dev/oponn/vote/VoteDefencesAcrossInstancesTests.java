package dev.oponn.vote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.Device;
import dev.oponn.support.Device.Response;
import dev.oponn.support.Flows;
import dev.oponn.support.FreshDatabase;
import dev.oponn.support.Instance;
import dev.oponn.vote.VoteChallengeTests.Puzzle;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/** Two instances on one database: the per-network cap and the one-time challenge hold for the cluster. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VoteDefencesAcrossInstancesTests {

    Path dir;
    FreshDatabase.Database database;
    Instance a;
    Instance b;

    @BeforeAll
    void startTwo() {
        dir = FreshDatabase.tempDir();
        database = FreshDatabase.create();
        String secret = FreshDatabase.randomSecret();
        // A cluster shares its master key (KMS in production): both instances open each other's ballots.
        String keyset = "--oponn.master-keyset=" + dir.resolve("master-keyset.json");
        a = Instance.start(database, secret, keyset);
        b = Instance.start(database, secret, keyset);
    }

    @AfterAll
    void stop() {
        for (Instance instance : new Instance[] {a, b}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (database != null) {
            database.drop();
        }
        FileSystemUtils.deleteRecursively(dir.toFile());
    }

    @Test
    void concurrentVotesFromOneNetworkOnBothInstancesStopAtTheCap() throws Exception {
        Device owner = new Device(a.port());
        String id = Flows.createBallotWith(
                owner, "measure", "Cluster cap?", "options_raw", "a, b", "duration_mins", "0", "per_address_cap", "3");
        HttpClient http = Device.newClient();
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Device device = new Device(http, (i % 2 == 0 ? a : b).port());
            Flows.openVotePage(device, id);
            assertThat(device.cookie("oponn_device"))
                    .as("vote page on either instance")
                    .isNotNull();
            devices.add(device);
        }

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService voters = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (Device device : devices) {
                answers.add(voters.submit(
                        () -> device.post("/vote/" + id, "option_id", "1").status()));
            }
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        }

        assertThat(statuses).filteredOn(s -> s == 303).hasSize(3);
        JdbcClient jdbc = a.bean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT coalesce(sum(votes), 0) FROM tally_shard WHERE ballot_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM ballot_voter WHERE ballot_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .as("refused devices keep their vote")
                .isEqualTo(3);
    }

    @Test
    void aChallengeSpentOnOneInstanceCannotBeSpentOnTheOther() {
        Device owner = new Device(a.port());
        String id = Flows.createBallotWith(
                owner,
                "measure",
                "Cluster proof?",
                "options_raw",
                "a, b",
                "duration_mins",
                "0",
                "vote_challenge",
                "on");
        Device first = new Device(a.port());
        Puzzle puzzle = Puzzle.of(first.get("/vote/" + id).html());
        String solution = puzzle.solve();
        assertThat(first.post("/vote/" + id, "option_id", "1", "challenge", puzzle.token(), "solution", solution)
                        .status())
                .isEqualTo(303);

        Device second = new Device(b.port());
        second.get("/vote/" + id);
        Response replayed =
                second.post("/vote/" + id, "option_id", "1", "challenge", puzzle.token(), "solution", solution);
        assertThat(replayed.html().select("[data-error-for=vote]").text())
                .as("%s %s", replayed.status(), replayed.body())
                .startsWith("This vote's proof of work was");
    }
}
