package dev.oponn.live;

import dev.oponn.ballot.BallotId;
import dev.oponn.ballot.ResultsVisibility;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * One open stream. Writing uses the servlet's non-blocking output, so no thread ever waits on a client: the
 * fan-out hands a frame to {@link #offer} and moves on. While the connection cannot take more bytes the viewer
 * keeps only the newest frame it has not written (a mailbox of one), and a newer frame replaces it; the connection
 * resumes with {@link #onWritePossible}. A connection that accepts nothing for the write timeout is reported by
 * {@link #stalledLongerThan} and dropped by the sweeper. Versions only go forward: a frame no newer than what the
 * viewer already has is ignored.
 *
 * <p>Holds no bytes of its own: frames are shared with every other viewer of the ballot.
 */
final class Viewer implements WriteListener, AsyncListener {

    /** What a viewer reports to the feed that holds it. */
    interface Owner {

        void sent(Frame frame);

        void gone(Viewer viewer, Exit exit);
    }

    enum Exit {
        /** The stream ended as planned: final tally, shutdown hint or stream timeout. */
        FINISHED,
        /** The connection failed or the client went away. */
        DISCONNECTED,
        /** The connection accepted no bytes for the write timeout. */
        STALLED
    }

    private final BallotId ballot;
    private final AsyncContext async;
    private final ServletOutputStream out;
    private final StreamAdmission.Ticket ticket;
    private final Owner owner;
    private final HangUpWatch hangUp;
    private final Audience audience;
    private final boolean json;
    private final String lang;
    private final ReentrantLock lock = new ReentrantLock();

    /** Whether this viewer's device has voted on the ballot, as far as this instance has learnt. */
    private volatile boolean voted;

    // Guarded by lock.
    private @Nullable Frame next;
    private @Nullable Frame given;
    private long version = Frame.NO_VERSION;
    private boolean started;
    private boolean unflushed;
    private boolean finishing;
    private boolean ending;
    private boolean closed;
    private long lastWriteNanos;

    /** When the connection last refused bytes, or 0 while it keeps up. Read by the sweeper without the lock. */
    private volatile long stalledSinceNanos;

    /**
     * @param hangUp how the client's hang-up is noticed before a write fails ({@link HangUpWatch#inert()}: only by
     *     a failed write)
     * @param json whether this viewer takes the JSON form of each frame (the public API's stream)
     * @param lang the language of the viewer's page: the panel it is sent is in it
     */
    Viewer(
            BallotId ballot,
            AsyncContext async,
            ServletOutputStream out,
            StreamAdmission.Ticket ticket,
            Owner owner,
            long nowNanos,
            HangUpWatch hangUp,
            Audience audience,
            boolean json,
            String lang) {
        this.lang = lang;
        this.json = json;
        this.audience = audience;
        this.voted = audience.voted();
        this.ballot = ballot;
        this.async = async;
        this.out = out;
        this.ticket = ticket;
        this.owner = owner;
        this.hangUp = hangUp;
        this.lastWriteNanos = nowNanos;
    }

    BallotId ballot() {
        return ballot;
    }

    Audience audience() {
        return audience;
    }

    boolean voted() {
        return voted;
    }

    void learnVoted() {
        voted = true;
    }

    /** Who may vote changed, so the key this viewer votes under did: whether it voted is learnt again. */
    void forgetVoted() {
        voted = false;
    }

    /** Whether this viewer is shown counts now, on a ballot whose counts are not shown to everyone. */
    boolean seesCounts(ResultsVisibility visibility) {
        return audience.owner() || visibility.showsCounts(false, () -> voted);
    }

    /**
     * Sends the state at connect, unless the client already has it: a valid {@code Last-Event-ID} equal to the
     * current version means nothing is sent until the next change. An id ahead of the current version cannot be
     * ours, so it is ignored like garbage.
     */
    void begin(Frame current, long lastEventId) {
        lock.lock();
        try {
            if (lastEventId >= 0 && lastEventId <= current.version()) {
                version = Math.max(version, lastEventId);
            }
            queue(current);
        } finally {
            lock.unlock();
        }
        try {
            // The container calls onWritePossible once the listener is set; writing starts there.
            out.setWriteListener(this);
        } catch (IllegalStateException requestAlreadyEnded) {
            close(Exit.DISCONNECTED);
        }
    }

    /** A newer tally for this viewer; older or equal versions are ignored, so ids never go backwards. */
    void offer(Frame update) {
        After after = After.NOTHING;
        lock.lock();
        try {
            if (queue(update)) {
                after = drain();
            }
        } finally {
            lock.unlock();
        }
        settle(after);
    }

    /** A comment line, only when nothing has been written for {@code intervalNanos} and nothing is waiting. */
    void heartbeatIfQuiet(Frame heartbeat, long nowNanos, long intervalNanos) {
        After after = After.NOTHING;
        lock.lock();
        try {
            if (started
                    && !closed
                    && !finishing
                    && next == null
                    && !unflushed
                    && nowNanos - lastWriteNanos >= intervalNanos) {
                next = heartbeat;
                after = drain();
            }
        } finally {
            lock.unlock();
        }
        settle(after);
    }

    /**
     * Ends the stream after {@code last}: the final tally (which replaces any update still waiting) or a closing
     * hint (written after it). Nothing more is accepted.
     */
    void finish(Frame last) {
        After after = After.NOTHING;
        lock.lock();
        try {
            if (!closed && !finishing) {
                finishing = true;
                Frame waiting = next;
                if (last.isUpdate() || waiting == null || !waiting.isUpdate()) {
                    next = last;
                } else {
                    next = Frame.concat(waiting, last, true);
                }
                version = Math.max(version, last.version());
                after = drain();
            }
        } finally {
            lock.unlock();
        }
        settle(after);
    }

    boolean stalledLongerThan(long nowNanos, long timeoutNanos) {
        long since = stalledSinceNanos;
        return since != 0 && nowNanos - since > timeoutNanos;
    }

    /** Ends the stream at once, whatever is waiting. */
    void drop(Exit exit) {
        close(exit);
    }

    @Override
    public void onWritePossible() {
        After after;
        lock.lock();
        try {
            started = true;
            after = drain();
        } finally {
            lock.unlock();
        }
        settle(after);
    }

    @Override
    public void onError(Throwable failure) {
        close(Exit.DISCONNECTED);
    }

    @Override
    public void onComplete(AsyncEvent event) {
        close(Exit.FINISHED, false);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        // The stream's lifetime is up; the browser reconnects with its Last-Event-ID and resumes.
        close(Exit.FINISHED, false);
        completeQuietly();
    }

    /** Completes even if the viewer had already closed: otherwise the container dispatches to an error page. */
    @Override
    public void onError(AsyncEvent event) {
        close(Exit.DISCONNECTED, false);
        completeQuietly();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // Never restarted.
    }

    /** What to do once the lock is released. */
    private enum After {
        NOTHING,
        COMPLETE,
        DISCONNECTED
    }

    /**
     * Ids never go backwards. The same id again is queued only when it restates the panel ({@link
     * BallotFeed#opened}): different bytes from the frame this viewer was last given.
     *
     * @return whether the frame was queued
     */
    private boolean queue(Frame frame) {
        if (frame.hidesCounts()) {
            return queueHidden(frame);
        }
        if (closed || finishing || frame.version() < version) {
            return false;
        }
        if (frame.version() == version
                && (given == null || Arrays.equals(given.bytes(json, lang), frame.bytes(json, lang)))) {
            return false;
        }
        version = frame.version();
        given = frame;
        next = frame;
        return true;
    }

    /**
     * The counts were hidden from this viewer (the owner changed the setting): the panel is replaced whatever
     * version it showed, and the next visible tally is taken whatever its version.
     */
    private boolean queueHidden(Frame frame) {
        if (closed || finishing || (given != null && Arrays.equals(given.bytes(json, lang), frame.bytes(json, lang)))) {
            return false;
        }
        version = Frame.NO_VERSION;
        given = frame;
        next = frame;
        return true;
    }

    /**
     * Writes what is waiting while the connection accepts it. {@code isReady()} false means the container holds
     * the rest and calls {@link #onWritePossible} when the socket drains; until then only {@code next} changes.
     */
    private After drain() {
        if (!started || closed) {
            return After.NOTHING;
        }
        try {
            while (true) {
                if (!out.isReady()) {
                    if (stalledSinceNanos == 0) {
                        stalledSinceNanos = nonZero(System.nanoTime());
                    }
                    return After.NOTHING;
                }
                stalledSinceNanos = 0;
                if (unflushed) {
                    out.flush();
                    unflushed = false;
                    continue;
                }
                Frame frame = next;
                if (frame == null) {
                    if (ending) {
                        closed = true;
                        return After.COMPLETE;
                    }
                    return After.NOTHING;
                }
                next = null;
                out.write(frame.bytes(json, lang));
                unflushed = true;
                lastWriteNanos = System.nanoTime();
                ending = frame.last();
                if (frame.isUpdate()) {
                    owner.sent(frame);
                }
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away, or the container ended the request meanwhile.
            closed = true;
            next = null;
            return After.DISCONNECTED;
        }
    }

    private void settle(After after) {
        switch (after) {
            case COMPLETE -> afterClose(Exit.FINISHED, true);
            case DISCONNECTED -> afterClose(Exit.DISCONNECTED, true);
            case NOTHING -> {}
        }
    }

    private void close(Exit exit) {
        close(exit, true);
    }

    private void close(Exit exit, boolean complete) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            next = null;
        } finally {
            lock.unlock();
        }
        afterClose(exit, complete);
    }

    /** Runs once per viewer: returns the admission ticket, leaves the feed, and ends the request. */
    private void afterClose(Exit exit, boolean complete) {
        hangUp.stop();
        ticket.release();
        owner.gone(this, exit);
        if (complete) {
            completeQuietly();
        }
    }

    private void completeQuietly() {
        // Before the response completes: Jetty then reads the connection again, and only one reader may wait on it.
        hangUp.stop();
        try {
            async.complete();
        } catch (IllegalStateException alreadyEnded) {
            // Completed, timed out or failed meanwhile: nothing is left to end.
        }
    }

    private static long nonZero(long nanos) {
        return nanos == 0 ? 1 : nanos;
    }
}
