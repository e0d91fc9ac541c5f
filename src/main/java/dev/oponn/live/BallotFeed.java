package dev.oponn.live;

import dev.oponn.ballot.BallotId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The state one instance keeps for one watched ballot: its viewers, the newest frame rendered for it, and the
 * coalescing of changes into renders. Only decisions happen under the lock; the caller renders, reads the database
 * and writes to viewers outside it.
 *
 * <p>Coalescing: a change marks the feed dirty and, unless a render is already scheduled, schedules one no sooner
 * than one interval after the previous render. A render first clears the flag and then reads the database, so a
 * change that arrives while it runs schedules another: the last committed state is always rendered.
 */
final class BallotFeed {

    private final BallotId ballot;
    private final long intervalNanos;
    private final Set<Viewer> viewers = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();

    // Guarded by lock.
    private @Nullable Frame latest;
    private @Nullable Frame finalFrame;
    private long pushedVersion = Frame.NO_VERSION;
    private boolean showsPending;
    private boolean restate;
    private boolean dirty;
    private boolean scheduled;
    private boolean ending;
    private long endings;
    private long oldestCommitMillis;
    private long lastRenderNanos;
    private long emptySinceNanos;

    BallotFeed(BallotId ballot, long intervalNanos, long nowNanos) {
        this.ballot = ballot;
        this.intervalNanos = intervalNanos;
        this.lastRenderNanos = nowNanos - intervalNanos;
        this.emptySinceNanos = nowNanos;
    }

    BallotId ballot() {
        return ballot;
    }

    /** What a new viewer starts from. */
    record Joined(@Nullable Frame latest, @Nullable Frame finalFrame) {}

    Joined join(Viewer viewer) {
        lock.lock();
        try {
            viewers.add(viewer);
            return new Joined(latest, finalFrame);
        } finally {
            lock.unlock();
        }
    }

    void leave(Viewer viewer, long nowNanos) {
        lock.lock();
        try {
            if (viewers.remove(viewer) && viewers.isEmpty()) {
                emptySinceNanos = nowNanos;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Viewers right now; the fan-out iterates it while others join and leave. */
    Set<Viewer> viewers() {
        return viewers;
    }

    int viewerCount() {
        return viewers.size();
    }

    /**
     * @return nanoseconds to wait before rendering, or -1 when no render needs scheduling (one is already
     *     scheduled, or nobody watches: then the cached frame is forgotten, so the next viewer reads the database)
     */
    long changed(long committedAtMillis, long nowNanos) {
        lock.lock();
        try {
            if (viewers.isEmpty()) {
                latest = null;
                return -1;
            }
            dirty = true;
            if (committedAtMillis > 0 && (oldestCommitMillis == 0 || committedAtMillis < oldestCommitMillis)) {
                oldestCommitMillis = committedAtMillis;
            }
            if (scheduled || ending) {
                return -1;
            }
            scheduled = true;
            return Math.max(0, lastRenderNanos + intervalNanos - nowNanos);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The ballot opened for voting since the newest frame was rendered: the tally is the same, but the status line
     * of every viewer still says "starts in". Schedules a render that is pushed even at the same version.
     *
     * @return as {@link #changed}, or -1 also when the newest frame already shows the ballot open
     */
    long opened(long nowNanos) {
        lock.lock();
        try {
            if (!showsPending) {
                return -1;
            }
            showsPending = false;
            restate = true;
        } finally {
            lock.unlock();
        }
        return changed(0, nowNanos);
    }

    /**
     * The owner changed the ballot (its window, who may vote): the tally may be the same, but what every viewer
     * sees around it is not. Like {@link #opened}, schedules a render pushed even at the same version; the cached
     * frame is forgotten so that a viewer joining meanwhile reads the ballot as it now is.
     *
     * @return as {@link #changed}
     */
    long restated(long nowNanos) {
        lock.lock();
        try {
            restate = true;
            latest = null;
        } finally {
            lock.unlock();
        }
        return changed(0, nowNanos);
    }

    /** Whether the ballot's end was seen: the final tally is being read, or was sent. */
    boolean isEnding() {
        lock.lock();
        try {
            return ending;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the final tally was sent: the viewers linger on it until their streams end. */
    boolean hasEnded() {
        lock.lock();
        try {
            return finalFrame != null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A scheduled render finds nobody left to tell: it is dropped, along with the cached frame, so that the next viewer
     * reads the database. Decided under the lock, so a viewer joining meanwhile either counts here or reads for itself.
     *
     * @return whether the render was dropped
     */
    boolean abandonIfUnwatched() {
        lock.lock();
        try {
            if (!viewers.isEmpty()) {
                return false;
            }
            scheduled = false;
            dirty = false;
            oldestCommitMillis = 0;
            latest = null;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** @return the commit time of the oldest change this render carries, 0 if none */
    long startRender(long nowNanos) {
        lock.lock();
        try {
            dirty = false;
            lastRenderNanos = nowNanos;
            long oldest = oldestCommitMillis;
            oldestCommitMillis = 0;
            return oldest;
        } finally {
            lock.unlock();
        }
    }

    /** @return nanoseconds until the next render if changes arrived meanwhile, or -1 */
    long finishRender() {
        lock.lock();
        try {
            if (dirty && !ending) {
                return intervalNanos;
            }
            scheduled = false;
            return -1;
        } finally {
            lock.unlock();
        }
    }

    /** A render that failed: its changes are owed again. */
    void renderFailed(long committedAtMillis) {
        lock.lock();
        try {
            dirty = true;
            if (committedAtMillis > 0 && (oldestCommitMillis == 0 || committedAtMillis < oldestCommitMillis)) {
                oldestCommitMillis = committedAtMillis;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Keeps the newest frame for viewers who join later.
     *
     * @param pending whether the ballot had not opened yet when the frame was rendered
     * @return whether the viewers need it: false when they were all already sent this version or a newer one,
     *     unless the frame restates the same version after the ballot opened
     */
    boolean publish(Frame frame, boolean pending) {
        lock.lock();
        try {
            boolean restating = restate && frame.version() == pushedVersion;
            if (restating) {
                restate = false;
                latest = frame;
                showsPending = pending;
                return true;
            }
            remember(frame, pending);
            if (frame.version() <= pushedVersion) {
                return false;
            }
            // A newer tally shows the ballot as it is now: no restatement is owed any more.
            restate = false;
            pushedVersion = frame.version();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** A frame a joining viewer read for itself: cached for the next ones, not pushed to the others. */
    void remember(Frame frame, boolean pending) {
        lock.lock();
        try {
            if (latest == null || frame.version() > latest.version()) {
                latest = frame;
                showsPending = pending;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * @return a token the first time (the caller then renders the final tally and hands it to {@link #ended}), or -1
     *     when the ending has begun already
     */
    long beginEnding() {
        lock.lock();
        try {
            if (ending) {
                return -1;
            }
            ending = true;
            return endings;
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param token what {@link #beginEnding} returned
     * @return the viewers to send the final tally, none if the ballot was reopened meanwhile; anyone joining from
     *     now on starts from {@code last}
     */
    List<Viewer> ended(Frame last, long token) {
        lock.lock();
        try {
            if (!ending || token != endings) {
                return List.of();
            }
            finalFrame = last;
            latest = last;
            return List.copyOf(viewers);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The owner reopened the ballot while its viewers lingered on the final tally: the feed is live again, and every
     * viewer is sent the panel as the ballot now is, as by {@link #restated}.
     *
     * @return as {@link #changed}, or -1 also when the feed had not begun ending
     */
    long reopened(long nowNanos) {
        lock.lock();
        try {
            if (!ending) {
                return -1;
            }
            ending = false;
            finalFrame = null;
            endings++;
        } finally {
            lock.unlock();
        }
        return restated(nowNanos);
    }

    boolean idleLongerThan(long nowNanos, long retentionNanos) {
        lock.lock();
        try {
            return viewers.isEmpty() && !scheduled && nowNanos - emptySinceNanos > retentionNanos;
        } finally {
            lock.unlock();
        }
    }
}
