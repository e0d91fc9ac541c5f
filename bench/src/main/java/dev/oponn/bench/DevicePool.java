package dev.oponn.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Devices that have loaded a vote page (so they hold a device and a CSRF cookie) and the ballots they vote on.
 * Vote slot {@code i} is device {@code i / ballots} voting on ballot {@code i % ballots}: every slot is a distinct
 * (device, ballot) pair, so every vote the load generator sends is one the server should accept, and consecutive
 * votes spread over the ballots.
 */
final class DevicePool {

    static final int MAX_DEVICES = 400_000;

    private final List<VoteBallot> ballots;
    private volatile List<Device> devices = List.of();
    private final AtomicLong nextSlot = new AtomicLong();

    DevicePool(List<VoteBallot> ballots) {
        if (ballots.isEmpty()) {
            throw new IllegalArgumentException("no ballots to vote on");
        }
        this.ballots = List.copyOf(ballots);
    }

    /** Loads vote pages for new devices until {@code more} unused slots exist (outside any measured window). */
    synchronized void ensureFreeSlots(long more, Target pageServer, Progress progress) {
        long wanted = nextSlot.get() + more;
        int needed = (int) Math.min(MAX_DEVICES, (wanted + ballots.size() - 1) / ballots.size());
        int missing = needed - devices.size();
        if (missing <= 0) {
            return;
        }
        progress.line("   preparing " + missing + " devices (one vote page load each)");
        List<Device> fresh = new ArrayList<>(missing);
        for (int i = 0; i < missing; i++) {
            fresh.add(new Device());
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        int base = devices.size();
        try (ExecutorService loaders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < 16; w++) {
                int worker = w;
                loaders.execute(() -> {
                    try (HttpConnection connection = pageServer.connection(base + worker)) {
                        for (int i = next.getAndIncrement(); i < missing; i = next.getAndIncrement()) {
                            try {
                                Site.openVotePage(
                                        connection,
                                        fresh.get(i),
                                        ballots.get((base + i) % ballots.size()).id());
                            } catch (IOException e) {
                                failures.incrementAndGet();
                            }
                        }
                    }
                });
            }
        }
        long unready = fresh.stream().filter(d -> !d.ready()).count();
        if (unready > 0) {
            throw new IllegalStateException(unready + " of " + missing + " devices got no device or CSRF cookie ("
                    + failures.get() + " page loads failed)");
        }
        List<Device> all = new ArrayList<>(devices);
        all.addAll(fresh);
        devices = List.copyOf(all);
    }

    long capacity() {
        return (long) devices.size() * ballots.size();
    }

    long used() {
        return nextSlot.get();
    }

    List<VoteBallot> ballots() {
        return ballots;
    }

    /** What one slot's vote marks: the fields it posts, and what the ledger books it under. */
    record Marks(List<String> fields, List<Integer> counted) {}

    /** The marks of the vote of device {@code deviceIndex} on {@code ballot}, the {@code slot}-th vote sent. */
    @FunctionalInterface
    interface Marking {
        Marks of(VoteBallot ballot, long deviceIndex, long slot);
    }

    /** Like {@link #voteWork}, for a ballot of another method: the marks come from {@code marking}. */
    Work markedWork(VoteLedger ledger, Marking marking) {
        return connection -> {
            long slot = nextSlot.getAndIncrement();
            if (slot >= capacity()) {
                return Work.Outcome.EXHAUSTED;
            }
            VoteBallot ballot = ballots.get((int) (slot % ballots.size()));
            long deviceIndex = slot / ballots.size();
            Device device = devices.get((int) deviceIndex);
            Marks marks = marking.of(ballot, deviceIndex, slot);
            return Voting.cast(
                    connection,
                    device,
                    ballot.id(),
                    Site.markedVoteRequest(device, ballot.id(), marks.fields()),
                    marks.counted(),
                    ledger);
        };
    }

    /** A vote for every call, or EXHAUSTED once every prepared (device, ballot) pair has voted. */
    Work voteWork(VoteLedger ledger) {
        return connection -> {
            long slot = nextSlot.getAndIncrement();
            if (slot >= capacity()) {
                return Work.Outcome.EXHAUSTED;
            }
            VoteBallot ballot = ballots.get((int) (slot % ballots.size()));
            long deviceIndex = slot / ballots.size();
            Device device = devices.get((int) deviceIndex);
            int option = ballot.options()
                    .get((int) ((deviceIndex + slot) % ballot.options().size()));
            return Voting.vote(connection, device, ballot.id(), option, ledger);
        };
    }
}
