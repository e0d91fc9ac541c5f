package dev.oponn.vote;

import static dev.oponn.support.Flows.createBallot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.Device;
import dev.oponn.support.OponnTest;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Concurrency where the first version double-counted: the database's constraint decides, not a cookie. */
@OponnTest
class ConcurrentVotingTests {

    static final int POSTS = 200;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoHundredConcurrentPostsFromOneDeviceCountOnce() throws Exception {
        HttpClient http = Device.newClient();
        Device owner = new Device(http, port);
        String id = createBallot(owner, "Concurrent same device", "a, b", false);
        Device device = new Device(http, port);
        device.get("/vote/" + id); // the device token and CSRF cookie, as a page view would set them

        List<Integer> statuses = inParallel(i ->
                device.post("/vote/" + id, "option_id", i % 2 == 0 ? "1" : "2").status());

        assertThat(statuses).filteredOn(s -> s == 303).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(POSTS - 1);
        assertThat(total(id)).isEqualTo(1);
        assertThat(voters(id)).isEqualTo(1);
    }

    @Test
    void twoHundredConcurrentPostsFromTwoHundredDevicesCountTwoHundred() throws Exception {
        HttpClient http = Device.newClient();
        String id = createBallot(new Device(http, port), "Concurrent many devices", "a, b, c", false);
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            Device device = new Device(http, port);
            device.get("/vote/" + id);
            devices.add(device);
        }

        List<Integer> statuses = inParallel(i -> devices.get(i)
                .post("/vote/" + id, "option_id", String.valueOf(1 + i % 3))
                .status());

        assertThat(statuses).containsOnly(303);
        assertThat(total(id)).isEqualTo(POSTS);
        assertThat(voters(id)).isEqualTo(POSTS);
    }

    @Test
    void concurrentIdenticalWriteInsBecomeOneOption() throws Exception {
        HttpClient http = Device.newClient();
        String id = createBallot(new Device(http, port), "Concurrent write-ins", "seed", true);
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Device device = new Device(http, port);
            device.get("/vote/" + id);
            devices.add(device);
        }

        List<Integer> statuses = inParallel(
                devices.size(),
                i -> devices.get(i)
                        .post(
                                "/vote/" + id,
                                "option_id",
                                "__write_in__",
                                "write_in_value",
                                i % 2 == 0 ? "Fresh Idea" : "fresh idea ")
                        .status());

        assertThat(statuses).containsOnly(303);
        assertThat(jdbc.sql("SELECT count(*) FROM ballot_option WHERE ballot_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(total(id)).isEqualTo(40);
    }

    private List<Integer> inParallel(Function<Integer, Integer> post) throws Exception {
        return inParallel(POSTS, post);
    }

    private static List<Integer> inParallel(int count, Function<Integer, Integer> post) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                results.add(threads.submit(() -> {
                    start.await();
                    return post.apply(n);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        }
    }

    private long total(String id) {
        return StoredVotes.total(jdbc, id);
    }

    private long voters(String id) {
        return StoredVotes.voters(jdbc, id);
    }
}
