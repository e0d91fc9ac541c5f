package dev.oponn.faults;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Steady vote load spread over the instances: each worker takes a device (issued by a vote page beforehand, so that
 * votes can still be attempted while the database that issuing needs is down), votes with it once on each ballot
 * in a random order, and records every attempt. Attempts go to the instances in turn, dead ones included, as clients
 * behind a plain round-robin balancer would.
 */
final class Load implements AutoCloseable {

    private final History history;
    private final List<OponnInstance> instances;
    private final List<String> ballots;
    private final int options;
    private final Clients clients;
    private final ConcurrentLinkedQueue<Device> devices = new ConcurrentLinkedQueue<>();
    private final AtomicInteger turn = new AtomicInteger();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final int concurrency;
    private final Duration pause;
    private volatile boolean running;

    Load(
            History history,
            List<OponnInstance> instances,
            List<String> ballots,
            int options,
            Clients clients,
            int concurrency,
            Duration pause) {
        this.history = history;
        this.instances = instances;
        this.ballots = ballots;
        this.options = options;
        this.clients = clients;
        this.concurrency = concurrency;
        this.pause = pause;
    }

    /** Issues {@code count} devices from vote pages before the load begins. */
    Load withDevices(int count) {
        for (int i = 0; i < count; i++) {
            Device device = mint();
            if (device == null) {
                throw new IllegalStateException("no vote page issued a device before the run");
            }
            devices.add(device);
        }
        return this;
    }

    Load start() {
        running = true;
        for (int w = 0; w < concurrency; w++) {
            workers.execute(this::work);
        }
        return this;
    }

    void stop() {
        running = false;
        workers.shutdown();
        try {
            workers.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void work() {
        Deque<String> todo = new ArrayDeque<>();
        Device device = null;
        while (running) {
            if (todo.isEmpty()) {
                device = devices.poll();
                if (device == null) {
                    device = mint();
                }
                if (device == null) {
                    Ports.pause(Duration.ofMillis(250));
                    continue;
                }
                List<String> order = new ArrayList<>(ballots);
                Collections.shuffle(order);
                todo.addAll(order);
            }
            history.add(vote(device, todo.poll()));
            if (!pause.isZero()) {
                Ports.pause(pause);
            }
        }
    }

    /** A new device from a vote page on the next instance, or null while none issues one. */
    private Device mint() {
        OponnInstance on = instances.get(Math.floorMod(turn.getAndIncrement(), instances.size()));
        Device device = new Device(clients.next());
        try {
            device.open(on.base(), ballots.getFirst());
            return device.ready() ? device : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private Attempt vote(Device device, String ballot) {
        return vote(instances.get(Math.floorMod(turn.getAndIncrement(), instances.size())), device, ballot);
    }

    /** One vote by a new device (its vote page on {@code on}) on {@code on}, recorded like the load's. */
    void voteOnce(OponnInstance on, String ballot) {
        Device device = new Device(clients.next());
        try {
            device.open(on.base(), ballot);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        history.add(vote(on, device, ballot));
    }

    private Attempt vote(OponnInstance on, Device device, String ballot) {
        int option = 1 + ThreadLocalRandom.current().nextInt(options);
        long invoked = history.now();
        Attempt.Outcome outcome;
        int status = 0;
        String detail = "";
        try {
            HttpResponse<String> response = device.post(on.base(), "/vote/" + ballot, "option_id", "" + option);
            status = response.statusCode();
            outcome = classify(response);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            outcome = Attempt.Outcome.FAIL;
            detail = "refused";
        } catch (HttpTimeoutException e) {
            outcome = Attempt.Outcome.UNKNOWN;
            detail = "timeout";
        } catch (IOException e) {
            outcome = Attempt.Outcome.UNKNOWN;
            detail = "cut";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = Attempt.Outcome.UNKNOWN;
            detail = "interrupted";
        }
        return new Attempt(on.name(), ballot, device.id(), option, invoked, history.now(), outcome, status, detail);
    }

    static Attempt.Outcome classify(HttpResponse<String> response) {
        int status = response.statusCode();
        String target = response.headers()
                .firstValue("HX-Redirect")
                .or(() -> response.headers().firstValue("Location"))
                .orElse("");
        if ((status == 204 || status == 303) && target.contains("/results/")) {
            return Attempt.Outcome.OK;
        }
        if (status == 200 && response.body().contains("You have already voted")) {
            return Attempt.Outcome.ALREADY;
        }
        if (status == 500 || status == 502 || status == 504) {
            return Attempt.Outcome.UNKNOWN;
        }
        return Attempt.Outcome.FAIL;
    }

    @Override
    public void close() {
        stop();
    }
}
