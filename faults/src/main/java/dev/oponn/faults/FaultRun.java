package dev.oponn.faults;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One fault under load: ballots created, viewers on every instance, steady votes; the caller marks when the fault
 * begins and ends; {@link #finish} stops the load, waits for the viewers to settle and checks the database.
 */
final class FaultRun implements AutoCloseable {

    private static final AtomicInteger ADDRESS_BLOCK = new AtomicInteger(10);

    private final Rig rig;
    private final String fault;
    private final History history = new History();
    private final Clients voters;
    private final Clients watchers;
    private final List<String> ballots;
    private final Load load;
    private final Viewers viewers;
    private long faultFrom = -1;
    private long faultTo = -1;

    /** Result of a run: the checker's verdict, the row for the report, and what the viewers showed. */
    record Result(Checker.Verdict verdict, Report.Row row, Duration settled, List<String> behind, long regressions) {}

    private FaultRun(Rig rig, String fault, int ballotCount, int devices) {
        this.rig = rig;
        this.fault = fault;
        // A fresh block of client addresses per run, so no run inherits another's rate-limit buckets.
        int block = ADDRESS_BLOCK.getAndAdd(2);
        this.voters = new Clients(24, block);
        this.watchers = new Clients(8, block + 1);
        this.ballots = Ballots.create(voters, rig.instance(0), fault, ballotCount, 4);
        this.viewers = Viewers.watch(ballots, rig.instances(), 2, watchers);
        this.load =
                new Load(history, rig.instances(), ballots, 4, voters, 6, Duration.ofMillis(30)).withDevices(devices);
    }

    /** Starts viewers and load, and returns once every instance has acknowledged votes. */
    static FaultRun begin(Rig rig, String fault, int ballots, int devices) {
        FaultRun run = new FaultRun(rig, fault, ballots, devices);
        run.load.start();
        List<String> names = rig.instances().stream().map(OponnInstance::name).toList();
        if (!Ports.await(Duration.ofSeconds(60), () -> run.history.allAcknowledgingAgainAt(0, names) >= 0)) {
            run.close();
            throw new IllegalStateException(
                    fault + ": not every instance acknowledged votes before the fault: " + run.history.seen(a -> true));
        }
        return run;
    }

    History history() {
        return history;
    }

    List<String> ballots() {
        return ballots;
    }

    Viewers viewers() {
        return viewers;
    }

    void faultBegins() {
        faultFrom = history.now();
    }

    void faultEnds() {
        faultTo = history.now();
    }

    long faultFrom() {
        return faultFrom;
    }

    long faultTo() {
        return faultTo;
    }

    /** Ends the steady load early; {@link #finish} then only checks. */
    void stopLoad() {
        load.stop();
    }

    /**
     * Waits until the database's tallies have stopped moving for a second (at most 30 s): a vote whose client gave up
     * waiting may still be committed after the load stopped, and its commit makes its instance re-read the tally.
     */
    void awaitQuietDatabase() {
        Map<String, Map<Integer, Long>> before = Checker.tallies(rig, new HashSet<>(ballots));
        for (int i = 0; i < 30; i++) {
            Ports.pause(Duration.ofSeconds(1));
            Map<String, Map<Integer, Long>> now = Checker.tallies(rig, new HashSet<>(ballots));
            if (now.equals(before)) {
                return;
            }
            before = now;
        }
    }

    /** {@code perBallot} votes on each ballot, all on one instance, by new devices; recorded like the load's. */
    void voteOnlyOn(OponnInstance on, int perBallot) {
        for (String ballot : ballots) {
            for (int i = 0; i < perBallot; i++) {
                load.voteOnce(on, ballot);
            }
        }
    }

    void keepVoting(Duration duration) {
        Ports.pause(duration);
    }

    /** What clients were answered for the votes they began while the fault lasted. */
    Map<String, Long> seenDuringFault() {
        return history.seen(History.invokedBetween(faultFrom, faultTo));
    }

    /** Seconds from the fault's end until every instance acknowledged a vote again; -1 if one never did. */
    double recovery() {
        long at = history.allAcknowledgingAgainAt(
                faultTo, rig.instances().stream().map(OponnInstance::name).toList());
        return at < 0 ? -1 : (at - faultTo) / 1000.0;
    }

    Result finish(double recovery, String notes) {
        load.stop();
        Duration settled =
                viewers.awaitConverged(() -> Checker.tallies(rig, new HashSet<>(ballots)), Duration.ofSeconds(30));
        Map<String, Map<Integer, Long>> truth = Checker.tallies(rig, new HashSet<>(ballots));
        List<String> behind = viewers.behind(truth);
        Checker.Verdict verdict = Checker.check(rig, history);
        java.util.function.Predicate<Attempt> during = History.invokedBetween(faultFrom, faultTo);
        String waits = "answers during the fault in p50 " + history.waited(during, 0.5) + " ms, p99 "
                + history.waited(during, 0.99) + " ms";
        notes = notes.isEmpty() ? waits : notes + "; " + waits;
        Report.Row row = Report.Row.of(
                fault, verdict, recovery, settled == null ? -1 : settled.toMillis() / 1000.0, seenDuringFault(), notes);
        if (settled == null) {
            row = row.failedWith(behind.size() + " viewers never showed the database's tally");
        }
        if (viewers.regressions() > 0) {
            row = row.failedWith(viewers.regressions() + " frames older than one already shown");
        }
        return new Result(verdict, row, settled, behind, viewers.regressions());
    }

    @Override
    public void close() {
        load.close();
        viewers.close();
        voters.close();
        watchers.close();
    }
}
