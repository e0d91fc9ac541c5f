package dev.oponn.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates ballots through the create form, as a person would: open the form (CSRF cookie), post it. */
final class Ballots {

    static final String OPTIONS = "alpha, beta, gamma, delta";

    private Ballots() {}

    /** A device holding a CSRF cookie, ready to post the create form. */
    static Device creator(HttpConnection connection) throws IOException {
        Device device = new Device();
        device.remember(connection.exchange(HttpRequest.get("/create", device.pageHeaders())));
        return device;
    }

    /** {@code count} new ballots (no end, voting open now), created by a few devices in parallel. */
    static List<String> create(Run run, Target target, int count, String label) {
        return create(run, target, count, label, new String[0]);
    }

    /** @param more further create-form fields, such as {@code voting_method} */
    static List<String> create(Run run, Target target, int count, String label, String... more) {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        int workers = Math.min(8, Math.max(1, count));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < workers; w++) {
                pool.execute(() -> {
                    try (HttpConnection connection = target.connection(run.nextClient())) {
                        Device device = creator(connection);
                        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            HttpResponse created = connection.exchange(
                                    Site.createRequest(device, "bench " + label + " " + i, OPTIONS, more));
                            device.remember(created);
                            String id = Site.createdBallot(created);
                            if (id == null) {
                                failures.add("status " + created.status());
                            } else {
                                ids.add(id);
                            }
                        }
                    } catch (IOException e) {
                        failures.add(e.toString());
                    }
                });
            }
        }
        if (ids.size() < count) {
            throw new IllegalStateException("created " + ids.size() + " of " + count + " ballots on " + target.name()
                    + "; first failures: " + failures.stream().limit(3).toList());
        }
        return List.copyOf(ids);
    }

    /** Ballots with the option ids their vote pages offer. */
    static List<VoteBallot> withOptions(Run run, Target target, List<String> ids) throws IOException {
        List<VoteBallot> out = new ArrayList<>();
        try (HttpConnection connection = target.connection(run.nextClient())) {
            for (String id : ids) {
                List<Integer> options = Site.openVotePage(connection, new Device(), id);
                if (options.isEmpty()) {
                    throw new IOException("the vote page of " + id + " offers no option_id or rank_ field");
                }
                out.add(new VoteBallot(id, options));
            }
        }
        return out;
    }
}
