package dev.oponn.vote;

import dev.oponn.ballot.BallotId;
import dev.oponn.platform.LogFingerprints;
import dev.oponn.platform.OponnProperties;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * Group commit. A request thread hands its vote to the lane of its ballot and waits; the lane's writer commits
 * every vote that queued up while its previous transaction ran, in one transaction of batched statements, then
 * answers each request with its own outcome. Nothing waits on purpose, so a lone vote commits at once, and under
 * load one commit (one WAL flush) carries hundreds of votes. A vote is acknowledged only after its commit.
 *
 * <p>Within a batch, votes are ordered by (option, shard) so that any two transactions take counter-row locks in
 * the same order and cannot deadlock on them. If a batch fails (a deadlock with another instance over a voter row,
 * say), each of its votes is retried alone, so one bad vote never sinks its neighbours.
 */
@Component
class VoteWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(VoteWriter.class);
    /**
     * Single choice by (option, shard); several options by shard, each vote's options in ascending order; contents
     * by (content, shard). The repository runs the kinds in that order too.
     */
    private static final Comparator<PendingVote> LOCK_ORDER = Comparator.comparing(PendingVote::kind)
            .thenComparingInt(PendingVote::optionId)
            .thenComparingInt(PendingVote::shard)
            .thenComparing(PendingVote::marks);

    private final VoteRepository votes;
    private final TransactionTemplate transactions;
    private final VoteProperties properties;
    private final LogFingerprints fingerprints;
    private final DistributionSummary batchSizes;
    private final int loneRetries;
    private final List<BlockingQueue<PendingVote>> lanes = new ArrayList<>();
    private volatile @Nullable ExecutorService writers;
    private volatile boolean running;

    VoteWriter(
            VoteRepository votes,
            TransactionTemplate transactions,
            VoteProperties properties,
            LogFingerprints fingerprints,
            OponnProperties oponn,
            MeterRegistry meters) {
        this.loneRetries = oponn.database().poolSize();
        this.votes = votes;
        this.transactions = transactions;
        this.properties = properties;
        this.fingerprints = fingerprints;
        this.batchSizes = DistributionSummary.builder("oponn.votes.batch.size")
                .description("votes committed per transaction")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        for (int i = 0; i < properties.writers(); i++) {
            lanes.add(new ArrayBlockingQueue<>(properties.queueCapacity()));
        }
    }

    /** What a vote adds to: one option's counter, several options' counters, or a ballot content's count. */
    enum Kind {
        OPTION,
        OPTIONS,
        CONTENT
    }

    /**
     * @param optionId the option of a single-choice vote, else 0
     * @param marks several options as a PostgreSQL array literal ({@code {1,3}}), or a ranking's or score
     *     vector's content ({@link BallotContents}); empty for a single-choice vote
     * @param addressKey the client network's key on a ballot with a per-address cap, else absent
     */
    record PendingVote(
            BallotId ballot,
            byte[] voterKey,
            Kind kind,
            int optionId,
            String marks,
            int shard,
            byte @Nullable [] addressKey,
            CompletableFuture<Boolean> outcome) {}

    /**
     * Records the vote and returns once it is committed.
     *
     * @param addressKey the client network's key when the ballot caps votes per network
     * @return whether it counted (false: not active, this voter already voted, or the network is at the cap)
     */
    boolean record(BallotId ballot, byte[] voterKey, int optionId, int shard, byte @Nullable [] addressKey) {
        return enqueue(new PendingVote(
                ballot, voterKey, Kind.OPTION, optionId, "", shard, addressKey, new CompletableFuture<>()));
    }

    /** A vote of several options (multiple choice, approval): one more on each option's shard. */
    boolean recordOptions(
            BallotId ballot, byte[] voterKey, Collection<Integer> options, int shard, byte @Nullable [] addressKey) {
        return enqueue(new PendingVote(
                ballot,
                voterKey,
                Kind.OPTIONS,
                0,
                BallotContents.optionArray(options),
                shard,
                addressKey,
                new CompletableFuture<>()));
    }

    /** A ranked or score vote: one more ballot with this content ({@link BallotContents}). */
    boolean recordContent(BallotId ballot, byte[] voterKey, String content, int shard, byte @Nullable [] addressKey) {
        return enqueue(new PendingVote(
                ballot, voterKey, Kind.CONTENT, 0, content, shard, addressKey, new CompletableFuture<>()));
    }

    private boolean enqueue(PendingVote vote) {
        if (!running) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE);
        }
        BallotId ballot = vote.ballot();
        BlockingQueue<PendingVote> lane = lanes.get(Math.floorMod(ballot.hashCode(), lanes.size()));
        try {
            if (!lane.offer(vote, 2, TimeUnit.SECONDS)) {
                log.atWarn()
                        .setMessage("vote.overloaded")
                        .addKeyValue("ballot", fingerprints.ballot(ballot.value()))
                        .log();
                throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE);
            }
            return vote.outcome().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ResponseStatusException refused) {
                throw refused;
            }
            if (e.getCause() instanceof CannotCreateTransactionException) {
                // No connection, so no transaction began and nothing was written: a definite "not counted, try
                // again", unlike a transaction that failed part way, whose vote may have committed (a 500).
                throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE);
            }
            throw new IllegalStateException("vote could not be written", e.getCause());
        }
    }

    private void drain(BlockingQueue<PendingVote> lane) {
        List<PendingVote> batch = new ArrayList<>(properties.maxBatch());
        while (running || !lane.isEmpty()) {
            try {
                PendingVote first = lane.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                lane.drainTo(batch, properties.maxBatch() - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    void write(List<PendingVote> batch) {
        write(batch, loneRetries);
    }

    /**
     * A failed transaction is retried vote by vote. A lone vote whose connection was lost (a database restart,
     * {@code pg_terminate_backend}), with its commit done or not, is retried on another connection, up to the pool's
     * size: the pool may lend connections the server has already ended, since Hikari does not test one used in the
     * last half second, and each failed try retires one. Retrying is safe because the voter key's primary key lets a
     * vote count at most once: if the first commit landed, the retry counts nothing and the voter is told they have
     * voted, which is true. Before, the fault suite ({@code faults/}) saw a 500 for one vote in a hundred while
     * sessions were being terminated.
     */
    private void write(List<PendingVote> batch, int retriesLeft) {
        List<PendingVote> ordered = batch.stream().sorted(LOCK_ORDER).toList();
        try {
            int[] counted = transactions.execute(tx -> votes.recordAll(ordered));
            batchSizes.record(ordered.size());
            for (int i = 0; i < ordered.size(); i++) {
                ordered.get(i).outcome().complete(counted[i] == 1);
            }
        } catch (RuntimeException e) {
            boolean lone = ordered.size() == 1;
            if ((lone && (retriesLeft == 0 || !connectionLost(e))) || e instanceof CannotCreateTransactionException) {
                // Its own failure, or no connection to be had: retrying alone would only multiply the wait.
                ordered.forEach(vote -> vote.outcome().completeExceptionally(e));
                return;
            }
            log.atWarn()
                    .setMessage("vote.batch_retried")
                    .addKeyValue("size", ordered.size())
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log();
            int left = lone ? retriesLeft - 1 : loneRetries;
            ordered.forEach(vote -> write(List.of(vote), left));
        }
    }

    private static boolean connectionLost(RuntimeException e) {
        return e instanceof DataAccessResourceFailureException || e instanceof TransactionSystemException;
    }

    @Override
    public void start() {
        running = true;
        ExecutorService threads = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("vote-writer-", 0).factory());
        lanes.forEach(lane -> threads.execute(() -> drain(lane)));
        writers = threads;
    }

    /**
     * After the web server has stopped taking requests: the lanes finish what is queued, then end. If they cannot
     * within the stop timeout (the database is gone, or a lock is held elsewhere), they are interrupted and every
     * vote still waiting is answered 503: none of them was acknowledged, so none is lost.
     */
    @Override
    public void stop() {
        running = false;
        ExecutorService threads = writers;
        if (threads == null) {
            return;
        }
        writers = null;
        threads.shutdown();
        try {
            if (!threads.awaitTermination(properties.stopTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                threads.shutdownNow();
                threads.awaitTermination(properties.stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
        int abandoned = 0;
        for (BlockingQueue<PendingVote> lane : lanes) {
            for (PendingVote vote = lane.poll(); vote != null; vote = lane.poll()) {
                vote.outcome().completeExceptionally(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE));
                abandoned++;
            }
        }
        if (abandoned > 0 || !threads.isTerminated()) {
            log.atWarn()
                    .setMessage("vote.writer_stopped_unfinished")
                    .addKeyValue("abandoned", abandoned)
                    .log();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before and stops after the web server (whose phases are near {@code Integer.MAX_VALUE}). */
    @Override
    public int getPhase() {
        return 0;
    }
}
