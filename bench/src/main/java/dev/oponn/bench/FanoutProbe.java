package dev.oponn.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures fan-out: a fresh device opens a ballot's vote page and votes; from the moment the vote is acknowledged
 * the probe waits until every viewer of that ballot has received a tally that includes it. One vote at a time per
 * ballot, so the version that carries each vote is known exactly (version = the ballot's total vote count); several
 * ballots may be probed in parallel.
 */
final class FanoutProbe {

    private static final long WAIT_NANOS = 15_000_000_000L;

    private final Target voteServer;
    private final ViewerGroup viewers;
    private final List<String> ballots;
    private final long[] expected;
    private final VoteLedger ledger;
    private final AtomicLong clients;
    private int cursor;

    FanoutProbe(Target voteServer, ViewerGroup viewers, List<String> ballots, VoteLedger ledger, int clientOffset) {
        this.voteServer = voteServer;
        this.viewers = viewers;
        this.ballots = List.copyOf(ballots);
        this.expected = new long[ballots.size()];
        this.ledger = ledger;
        this.clients = new AtomicLong(clientOffset);
        for (int b = 0; b < ballots.size(); b++) {
            long start = Long.MAX_VALUE;
            for (Viewer v : viewers.of(ballots.get(b))) {
                start = Math.min(start, v.lastVersion());
            }
            expected[b] = start == Long.MAX_VALUE ? 0 : Math.max(0, start);
        }
    }

    /** One repetition: {@code votes} votes over the ballots in turn, {@code parallel} ballots at a time. */
    FanoutRep rep(int votes, int parallel) {
        Recorder deliveries = new Recorder();
        Recorder wholeVote = new Recorder();
        AtomicLong missed = new AtomicLong();
        AtomicLong early = new AtomicLong();
        int workers = Math.max(1, Math.min(parallel, Math.min(votes, ballots.size())));
        List<List<Integer>> plan = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            plan.add(new ArrayList<>());
        }
        for (int j = 0; j < votes; j++) {
            int b = (cursor + j) % ballots.size();
            plan.get(b % workers).add(b);
        }
        cursor = (cursor + votes) % ballots.size();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (List<Integer> mine : plan) {
                pool.execute(() -> {
                    try (HttpConnection connection = voteServer.connection((int) clients.getAndIncrement())) {
                        for (int b : mine) {
                            probe(connection, b, deliveries, wholeVote, missed, early);
                        }
                    }
                });
            }
        }
        deliveries.finish();
        wholeVote.finish();
        return new FanoutRep(deliveries, wholeVote, missed.get(), early.get());
    }

    private void probe(
            HttpConnection connection,
            int b,
            Recorder deliveries,
            Recorder wholeVote,
            AtomicLong missed,
            AtomicLong early) {
        String ballot = ballots.get(b);
        Device device = new Device();
        Work.Outcome outcome;
        long ackedAt;
        try {
            List<Integer> options = Site.openVotePage(connection, device, ballot);
            int option = options.get((int) (expected[b] % options.size()));
            outcome = Voting.vote(connection, device, ballot, option, ledger);
            ackedAt = System.nanoTime();
        } catch (IOException | RuntimeException e) {
            deliveries.outcome("vote_page_failed");
            return;
        }
        if (outcome.kind() != Work.Kind.ACK) {
            deliveries.outcome("vote_" + outcome.detail());
            return;
        }
        long version = ++expected[b];
        List<Viewer> watching = viewers.of(ballot);
        long deadline = ackedAt + WAIT_NANOS;
        int reached = 0;
        while (reached < watching.size() && System.nanoTime() < deadline) {
            while (reached < watching.size()
                    && (watching.get(reached).lastVersion() >= version
                            || !watching.get(reached).live())) {
                reached++;
            }
            if (reached < watching.size()) {
                LockSupport.parkNanos(100_000);
            }
        }
        long slowest = 0;
        for (Viewer v : watching) {
            if (!v.live() || v.lastVersion() < version) {
                missed.incrementAndGet();
                continue;
            }
            long latency = v.arrivalOf((int) version) - ackedAt;
            if (latency < 0) {
                early.incrementAndGet();
                latency = 0;
            }
            slowest = Math.max(slowest, latency);
            deliveries.acknowledged(latency, System.nanoTime());
        }
        wholeVote.acknowledged(slowest, System.nanoTime());
    }

    /**
     * @param deliveries one sample per (vote, viewer): acknowledgement to arrival
     * @param wholeVote one sample per vote: acknowledgement to arrival at the last of its viewers
     * @param missed deliveries that did not arrive within the wait (or whose viewer had dropped)
     * @param beforeAck deliveries that arrived before the voter had its answer (counted as 0 ms)
     */
    record FanoutRep(Recorder deliveries, Recorder wholeVote, long missed, long beforeAck) {}
}
