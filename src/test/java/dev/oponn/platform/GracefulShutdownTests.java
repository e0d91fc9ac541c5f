package dev.oponn.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import dev.oponn.support.FreshDatabase;
import dev.oponn.support.Instance;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Stopping an instance (SIGTERM, Ctrl-C, a rolling deploy) stops taking new connections at once but lets a vote
 * already in flight finish and count. The vote is held in flight by a table lock the test holds, so nothing here
 * depends on timing.
 */
class GracefulShutdownTests {

    @Test
    void aVoteInFlightWhenShutdownStartsIsCountedWhileNewConnectionsAreRefused() throws Exception {
        FreshDatabase.Database database = FreshDatabase.create();
        Instance instance = Instance.start(database, FreshDatabase.randomSecret());
        try (ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
                Connection lock = DriverManager.getConnection(database.url(), FreshDatabase.USER, "");
                Connection observer = DriverManager.getConnection(database.url(), FreshDatabase.USER, "")) {
            int port = instance.port();
            String ballot = Flows.createBallot(new Device(port), "Finish what you started?", "yes, no", false);
            Device voter = voterOn(port, ballot);
            lockTallies(lock);
            CompletableFuture<Device.Response> vote =
                    CompletableFuture.supplyAsync(() -> Flows.vote(voter, ballot, "1"), background);
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnLocks(observer, database.name()) > 0);

            CompletableFuture<Void> shutdown = CompletableFuture.runAsync(instance::close, background);
            await().atMost(Duration.ofSeconds(30)).until(() -> refusesConnections(port));
            assertThat(vote).as("the vote is still in flight").isNotDone();

            lock.rollback();

            assertThat(vote.get(30, TimeUnit.SECONDS).status()).isEqualTo(303);
            shutdown.get(30, TimeUnit.SECONDS);
            assertThat(votesCounted(observer, ballot)).isEqualTo(1);
        } finally {
            instance.close();
            database.drop();
        }
    }

    /**
     * A vote that can never commit (its table stays locked, as if the database hung) must not hold the process
     * forever: after the writers' stop timeout the instance ends, and the vote, never acknowledged, is not counted.
     */
    @Test
    void shutdownEndsEvenWhenAVoteInFlightCanNeverCommit() throws Exception {
        FreshDatabase.Database database = FreshDatabase.create();
        Instance instance = Instance.start(
                database,
                FreshDatabase.randomSecret(),
                "--oponn.votes.stop-timeout=1s",
                "--spring.lifecycle.timeout-per-shutdown-phase=2s");
        try (ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
                Connection lock = DriverManager.getConnection(database.url(), FreshDatabase.USER, "");
                Connection observer = DriverManager.getConnection(database.url(), FreshDatabase.USER, "")) {
            int port = instance.port();
            String ballot = Flows.createBallot(new Device(port), "Stuck forever?", "yes, no", false);
            Device voter = voterOn(port, ballot);
            lockTallies(lock);
            CompletableFuture<Integer> vote = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return Flows.vote(voter, ballot, "1").status();
                        } catch (RuntimeException connectionClosed) {
                            return -1;
                        }
                    },
                    background);
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnLocks(observer, database.name()) > 0);

            CompletableFuture.runAsync(instance::close, background).get(60, TimeUnit.SECONDS);

            assertThat(vote.get(60, TimeUnit.SECONDS))
                    .as("never a success: 503, or the connection closed")
                    .isNotEqualTo(303)
                    .isNotEqualTo(200);
            lock.rollback();
            assertThat(votesCounted(observer, ballot)).isZero();
        } finally {
            instance.close();
            database.drop();
        }
    }

    /** A device that has opened the ballot's vote page, so that its vote needs nothing but the post. */
    private static Device voterOn(int port, String ballot) {
        Device voter = new Device(port);
        voter.get("/vote/" + ballot);
        voter.csrfToken();
        return voter;
    }

    /** Holds every vote's counter update until {@code lock} ends its transaction. */
    private static void lockTallies(Connection lock) throws SQLException {
        lock.setAutoCommit(false);
        try (Statement statement = lock.createStatement()) {
            statement.execute("LOCK TABLE tally_shard IN EXCLUSIVE MODE");
        }
    }

    private static int waitingOnLocks(Connection observer, String databaseName) throws SQLException {
        try (PreparedStatement query = observer.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND wait_event_type = 'Lock'")) {
            query.setString(1, databaseName);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static boolean refusesConnections(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return false;
        } catch (ConnectException refused) {
            return true;
        }
    }

    private static long votesCounted(Connection observer, String ballot) throws SQLException {
        try (PreparedStatement query =
                observer.prepareStatement("SELECT coalesce(sum(votes), 0) FROM tally_shard WHERE ballot_id = ?")) {
            query.setString(1, ballot);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
