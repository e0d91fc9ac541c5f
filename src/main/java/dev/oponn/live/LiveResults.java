package dev.oponn.live;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotCatalog;
import dev.oponn.ballot.BallotChanged;
import dev.oponn.ballot.BallotId;
import dev.oponn.ballot.BallotStatus;
import dev.oponn.ballot.ResultsVisibility;
import dev.oponn.platform.LogFingerprints;
import dev.oponn.results.ResultsAccess;
import dev.oponn.vote.Voters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The viewers of every ballot watched on this instance, one {@link BallotFeed} per ballot: a change renders once
 * and fans the same frame out to the feed's viewers. On shutdown every stream ends with a {@code retry:} hint,
 * spread so that the browsers do not all come back in the same instant. The {@link FeedSweep} does the periodic
 * work (heartbeats, stalled viewers, ended ballots, idle feeds).
 */
@Component
class LiveResults implements SmartLifecycle, Viewer.Owner {

    private static final Logger log = LoggerFactory.getLogger(LiveResults.class);

    /** Votes in flight when a ballot's end passes still commit; the final tally is read this long after the end. */
    static final Duration FINAL_GRACE = Duration.ofSeconds(1);

    private static final long SHUTDOWN_WAIT_NANOS = Duration.ofSeconds(2).toNanos();
    private static final long RENDER_RETRY_NANOS = Duration.ofSeconds(1).toNanos();

    private final Map<BallotId, BallotFeed> feeds = new ConcurrentHashMap<>();
    private final PanelFrames frames;
    private final BallotCatalog catalog;
    private final LiveMetrics metrics;
    private final LiveThreads threads;
    private final FanOut fanOut;
    private final StreamAdmission admission;
    private final LiveProperties properties;
    private final Clock clock;
    private final LogFingerprints fingerprints;
    private final ResultsAccess access;
    private final Voters voters;
    private final AtomicBoolean running = new AtomicBoolean();

    LiveResults(
            PanelFrames frames,
            BallotCatalog catalog,
            LiveMetrics metrics,
            LiveThreads threads,
            FanOut fanOut,
            StreamAdmission admission,
            LiveProperties properties,
            Clock clock,
            LogFingerprints fingerprints,
            ResultsAccess access,
            Voters voters) {
        this.access = access;
        this.voters = voters;
        this.frames = frames;
        this.catalog = catalog;
        this.metrics = metrics;
        this.threads = threads;
        this.fanOut = fanOut;
        this.admission = admission;
        this.properties = properties;
        this.clock = clock;
        this.fingerprints = fingerprints;
    }

    /** What the live package logs for a ballot: never its id, which is its vote link. */
    String fingerprint(BallotId ballot) {
        return fingerprints.ballot(ballot.value());
    }

    boolean accepting() {
        return running.get();
    }

    /** Whether the ballot's final tally is settled: past its end by the grace period. */
    boolean over(Ballot ballot) {
        Instant endsAt = ballot.endsAt();
        return endsAt != null && !clock.instant().isBefore(endsAt.plus(FINAL_GRACE));
    }

    /**
     * Whether the ballot's streams are over too: past its end by the grace and the linger
     * ({@code OPONN_LIVE_ENDED_LINGER}). Until then a stream of an ended ballot stays open after the final tally,
     * so that an owner's reopening reaches the page; afterwards a connection gets the final tally and the end.
     */
    boolean streamsOver(Ballot ballot) {
        Instant endsAt = ballot.endsAt();
        return endsAt != null
                && !clock.instant().isBefore(endsAt.plus(FINAL_GRACE).plus(properties.endedLinger()));
    }

    /**
     * Adds a viewer to its ballot's feed before reading the state it starts from, so that no change committed in
     * between can be missed: such a change finds the viewer in the feed and is pushed to it.
     */
    void attach(Ballot ballot, Viewer viewer, long lastEventId) {
        BallotFeed.Joined[] joined = new BallotFeed.Joined[1];
        // Joined inside compute, so that the reaper cannot drop the feed between its creation and the join.
        feeds.compute(ballot.id(), (id, existing) -> {
            BallotFeed feed = existing != null
                    ? existing
                    : new BallotFeed(id, properties.coalesceInterval().toNanos(), System.nanoTime());
            joined[0] = feed.join(viewer);
            return feed;
        });
        Frame finalFrame = joined[0].finalFrame();
        if (finalFrame != null) {
            viewer.begin(finalFrame, lastEventId);
            if (streamsOver(ballot) || !running.get()) {
                viewer.finish(running.get() ? Frame.end() : retryHint());
            }
            return;
        }
        if (!access.visibleToAll(ballot) && !viewer.seesCounts(ballot.resultsVisibility())) {
            // Rendered for this viewer alone, from the ballot only: no tally is read, and none reaches it.
            viewer.begin(frames.hidden(ballot), lastEventId);
            if (!running.get()) {
                viewer.finish(retryHint());
            }
            return;
        }
        Frame start = joined[0].latest();
        if (start == null) {
            Instant readAt = clock.instant();
            try {
                start = frames.current(ballot, 0);
            } catch (RuntimeException e) {
                log.atWarn()
                        .setMessage("live.first_read_failed")
                        .addKeyValue("ballot", fingerprint(ballot.id()))
                        .setCause(e)
                        .log();
                viewer.drop(Viewer.Exit.DISCONNECTED);
                return;
            }
            BallotFeed feed = feeds.get(ballot.id());
            if (feed != null) {
                feed.remember(start, pendingAt(ballot, readAt));
            }
        }
        viewer.begin(start, lastEventId);
        if (!running.get()) {
            // Joined while shutdown was closing the others.
            viewer.finish(retryHint());
        }
    }

    /** A vote was committed on this ballot, here or on another instance. Cheap and never blocks. */
    void changed(BallotId ballot, long committedAtMillis) {
        BallotFeed feed = feeds.get(ballot);
        if (feed == null) {
            return;
        }
        long delay = feed.changed(committedAtMillis, System.nanoTime());
        if (delay >= 0) {
            threads.runAfter(delay, () -> render(feed));
        }
    }

    /**
     * The sweep saw the ballot open: if the newest frame was rendered while it was pending, every viewer gets the
     * panel again with its new status line, though no vote changed the tally.
     */
    void openIfStarted(BallotFeed feed, Ballot ballot) {
        if (pendingAt(ballot, clock.instant())) {
            return;
        }
        long delay = feed.opened(System.nanoTime());
        if (delay >= 0) {
            threads.runAfter(delay, () -> render(feed));
        }
    }

    private static boolean pendingAt(Ballot ballot, Instant at) {
        return ballot.status(at) == BallotStatus.PENDING;
    }

    /**
     * The owner changed the ballot (its catalog entry is already evicted or refreshed): every viewer gets the panel
     * again as the ballot now is. A ballot that was closed ends once its end is past the grace, as any other; one
     * reopened while its viewers linger on the final tally is live again for them. After a change of who may vote,
     * every viewer's vote is learnt again under the key that now counts.
     */
    void ballotChanged(BallotId id, BallotChanged.Kind kind) {
        BallotFeed feed = feeds.get(id);
        if (feed == null) {
            return;
        }
        Ballot ballot = catalog.find(id).orElse(null);
        if (ballot == null) {
            return;
        }
        if (kind == BallotChanged.Kind.VOTERS) {
            feed.viewers().forEach(Viewer::forgetVoted);
        }
        long delay;
        if (feed.isEnding()) {
            if (over(ballot)) {
                return;
            }
            // Also while the final tally is being read: the token it was read under is spent, so it is not sent.
            delay = feed.reopened(System.nanoTime());
        } else {
            delay = feed.restated(System.nanoTime());
        }
        if (delay >= 0) {
            threads.runAfter(delay, () -> render(feed));
        }
        Instant endsAt = ballot.endsAt();
        if (endsAt != null && !clock.instant().isBefore(endsAt)) {
            // Closed now: the final tally goes out once the grace for votes in flight is over, not at the next sweep.
            long untilOver =
                    Duration.between(clock.instant(), endsAt.plus(FINAL_GRACE)).toNanos();
            threads.runAfter(Math.max(0, untilOver), () -> catalog.find(id).ifPresent(b -> endIfOver(feed, b)));
        }
    }

    /**
     * A ballot that closed: its viewers get the final tally and the {@code closed} event. Their streams stay open
     * until {@link #streamsOver}, when {@link #endLingering} ends them. Asked by the sweep every second, and at the
     * end's grace when an owner closes a ballot.
     */
    void endIfOver(BallotFeed feed, Ballot ballot) {
        if (!over(ballot)) {
            return;
        }
        long token = feed.beginEnding();
        if (token < 0) {
            return;
        }
        threads.run(() -> {
            Frame last;
            try {
                last = frames.last(ballot);
            } catch (RuntimeException e) {
                // They reconnect, and a connection to an ended ballot is answered with its final tally.
                log.atWarn()
                        .setMessage("live.final_read_failed")
                        .addKeyValue("ballot", fingerprint(ballot.id()))
                        .setCause(e)
                        .log();
                List.copyOf(feed.viewers()).forEach(viewer -> viewer.drop(Viewer.Exit.DISCONNECTED));
                return;
            }
            List<Viewer> viewers = feed.ended(last, token);
            log.atInfo()
                    .setMessage("live.ballot_ended")
                    .addKeyValue("ballot", fingerprint(ballot.id()))
                    .addKeyValue("viewers", viewers.size())
                    .log();
            fanOut.offer(viewers, last);
            endLingering(feed, ballot);
        });
    }

    /** Past the linger after the end: the streams of the ended ballot end, and the pages stop listening. */
    void endLingering(BallotFeed feed, Ballot ballot) {
        if (feed.hasEnded() && streamsOver(ballot)) {
            List.copyOf(feed.viewers()).forEach(viewer -> viewer.finish(Frame.end()));
        }
    }

    /** The ballot was deleted: its viewers are told the stream is over (the page stops listening), its feed goes. */
    void deleted(BallotId ballot) {
        BallotFeed feed = feeds.remove(ballot);
        if (feed == null) {
            return;
        }
        List<Viewer> viewers = List.copyOf(feed.viewers());
        Frame closed = frames.deleted();
        viewers.forEach(viewer -> viewer.finish(closed));
        log.atInfo()
                .setMessage("live.ballot_deleted")
                .addKeyValue("ballot", fingerprint(ballot))
                .addKeyValue("viewers", viewers.size())
                .log();
    }

    /** Messages may have been lost (Redis reconnected): re-read every watched ballot from the database. */
    void refreshAll() {
        log.atInfo()
                .setMessage("live.refreshing")
                .addKeyValue("ballots", feeds.size())
                .log();
        feeds.keySet().forEach(ballot -> changed(ballot, 0));
    }

    int viewersOf(BallotId ballot) {
        BallotFeed feed = feeds.get(ballot);
        return feed == null ? 0 : feed.viewerCount();
    }

    boolean tracks(BallotId ballot) {
        return feeds.containsKey(ballot);
    }

    @Override
    public void sent(Frame frame) {
        metrics.sent(frame, clock.millis());
    }

    @Override
    public void gone(Viewer viewer, Viewer.Exit exit) {
        BallotFeed feed = feeds.get(viewer.ballot());
        if (feed != null) {
            feed.leave(viewer, System.nanoTime());
        }
        if (exit == Viewer.Exit.STALLED) {
            metrics.dropped("stalled");
            log.atInfo()
                    .setMessage("live.viewer_dropped")
                    .addKeyValue("ballot", fingerprint(viewer.ballot()))
                    .addKeyValue("reason", "stalled")
                    .log();
        }
    }

    private void render(BallotFeed feed) {
        if (feed.abandonIfUnwatched()) {
            return;
        }
        long committedAt = feed.startRender(System.nanoTime());
        try {
            Ballot ballot = catalog.find(feed.ballot()).orElse(null);
            if (ballot != null) {
                // Read before rendering: a frame rendered across the opening is at worst restated once more.
                boolean pending = pendingAt(ballot, clock.instant());
                Frame frame = frames.current(ballot, committedAt);
                boolean fresh = feed.publish(frame, pending);
                if (access.visibleToAll(ballot)) {
                    if (fresh) {
                        fanOut.offer(feed.viewers(), frame);
                    }
                } else {
                    offerBySight(ballot, feed, frame);
                }
            }
        } catch (RuntimeException e) {
            log.atWarn()
                    .setMessage("live.render_failed")
                    .addKeyValue("ballot", fingerprint(feed.ballot()))
                    .setCause(e)
                    .log();
            // Still scheduled: the changes are owed, and are read again shortly (the database may be restarting).
            feed.renderFailed(committedAt);
            threads.runAfter(RENDER_RETRY_NANOS, () -> render(feed));
            return;
        }
        long again = feed.finishRender();
        if (again >= 0) {
            threads.runAfter(again, () -> render(feed));
        }
    }

    /**
     * Counts only to the viewers who may see them, the hidden panel to the rest: two renders at most per change,
     * shared within each group. Under {@code after_vote} one statement asks which of the viewers not yet known to
     * have voted now have (a vote on another tab or instance shows its counts without a reload). Each group is
     * offered its frame even when the tally did not grow: a viewer ignores what it already has, and one that
     * just crossed over takes it.
     */
    private void offerBySight(Ballot ballot, BallotFeed feed, Frame frame) {
        ResultsVisibility visibility = ballot.resultsVisibility();
        if (visibility == ResultsVisibility.AFTER_VOTE) {
            learnVotes(ballot, feed.viewers());
        }
        List<Viewer> seeing = new ArrayList<>();
        List<Viewer> hidden = new ArrayList<>();
        for (Viewer viewer : feed.viewers()) {
            (viewer.seesCounts(visibility) ? seeing : hidden).add(viewer);
        }
        if (!seeing.isEmpty()) {
            fanOut.offer(seeing, frame);
        }
        if (!hidden.isEmpty()) {
            fanOut.offer(hidden, frames.hidden(ballot));
        }
    }

    private void learnVotes(Ballot ballot, Collection<Viewer> viewers) {
        Map<Voters.VoterKey, List<Viewer>> waiting = new HashMap<>();
        for (Viewer viewer : viewers) {
            Voters.VoterKey key = viewer.audience().voter(ballot.whoMayVote());
            if (key != null && !viewer.voted() && !viewer.audience().owner()) {
                waiting.computeIfAbsent(key, k -> new ArrayList<>()).add(viewer);
            }
        }
        if (waiting.isEmpty()) {
            return;
        }
        for (Voters.VoterKey voted : voters.whoVoted(ballot.id(), waiting.keySet())) {
            waiting.getOrDefault(voted, List.of()).forEach(Viewer::learnVoted);
        }
    }

    /** The feeds of this instance, for the sweep. */
    Collection<BallotFeed> feeds() {
        return feeds.values();
    }

    /** Drops a feed nobody has watched for the retention; atomic with joins, which go through the same map. */
    void forgetIfIdle(BallotFeed feed, long nowNanos, long retentionNanos) {
        feeds.computeIfPresent(feed.ballot(), (id, f) -> f.idleLongerThan(nowNanos, retentionNanos) ? null : f);
    }

    @Override
    public void start() {
        running.set(true);
    }

    /**
     * Before the web server's graceful shutdown (a higher phase stops first): ends every stream with a retry hint
     * between one and five seconds, waits briefly for them to flush, then closes whatever is left.
     */
    @Override
    public void stop() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        List<Viewer> all = new ArrayList<>();
        feeds.values().forEach(feed -> all.addAll(feed.viewers()));
        log.atInfo()
                .setMessage("live.closing_streams")
                .addKeyValue("viewers", all.size())
                .log();
        all.forEach(viewer -> viewer.finish(retryHint()));
        long deadline = System.nanoTime() + SHUTDOWN_WAIT_NANOS;
        while (admission.open() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        all.forEach(viewer -> viewer.drop(Viewer.Exit.FINISHED));
        feeds.clear();
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    /** Between one and five seconds, so that the browsers of a stopped instance do not all return at once. */
    private static Frame retryHint() {
        return Frame.retry(ThreadLocalRandom.current().nextLong(1_000, 5_000));
    }
}
