package dev.oponn.live;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;
import org.eclipse.jetty.io.AbstractEndPoint;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Notices a client that closed its stream's connection. A stream never reads its request again, so neither the
 * servlet API nor Jetty looks at the socket until a write fails, which for a quiet stream is the next heartbeat; until
 * then the closed stream holds its slot of the per-address and per-instance caps, and a class behind one address that
 * reloads the results page meets the cap with streams nobody reads. This asks Jetty's selector to report the socket
 * readable instead: for an event stream that means the client hung up (or sent what no EventSource sends), and the
 * stream ends at once.
 *
 * <p>Only HTTP/1.x connections are watched, where the socket belongs to this one request while it streams. The watch
 * must {@link #stop()} before the response completes: Jetty then takes the socket back to read the next request.
 */
final class HangUpWatch implements Callback {

    private final @Nullable AbstractEndPoint endPoint;
    private final ReentrantLock lock = new ReentrantLock();

    // Guarded by lock.
    private @Nullable Runnable onHangUp;
    private boolean registered;
    private boolean stopped;

    private HangUpWatch(@Nullable AbstractEndPoint endPoint) {
        this.endPoint = endPoint;
    }

    /** A watch on the connection of {@code request}; inert where the connection is not Jetty's own HTTP/1.x socket. */
    static HangUpWatch of(HttpServletRequest request) {
        if (!request.getProtocol().startsWith("HTTP/1.")) {
            return inert();
        }
        ServletContextRequest jetty = ServletContextRequest.getServletContextRequest(request);
        EndPoint endPoint = jetty == null
                ? null
                : jetty.getConnectionMetaData().getConnection().getEndPoint();
        return new HangUpWatch(endPoint instanceof AbstractEndPoint socket ? socket : null);
    }

    /** Watches nothing: the heartbeat alone finds a vanished client. */
    static HangUpWatch inert() {
        return new HangUpWatch(null);
    }

    /** From now on a hang-up runs {@code onHangUp}, once, on one of Jetty's threads. */
    void start(Runnable onHangUp) {
        lock.lock();
        try {
            this.onHangUp = onHangUp;
            watch();
        } finally {
            lock.unlock();
        }
    }

    /** Gives the socket back to Jetty; idempotent. */
    void stop() {
        lock.lock();
        try {
            stopped = true;
            if (registered && endPoint != null) {
                registered = false;
                // Withdraws this watch's read interest, and only it: Jetty registers none while the stream runs.
                endPoint.getFillInterest().onFail(new CancellationException("the stream ended"));
            }
        } finally {
            lock.unlock();
        }
    }

    /** The socket is readable: end of stream, or bytes no event-stream client sends. */
    @Override
    public void succeeded() {
        int read;
        lock.lock();
        try {
            registered = false;
            if (stopped || endPoint == null) {
                return;
            }
            try {
                read = endPoint.fill(BufferUtil.allocate(1));
            } catch (IOException e) {
                read = -1;
            }
            if (read == 0) {
                watch();
                return;
            }
        } finally {
            lock.unlock();
        }
        if (read > 0) {
            // Bytes of what could be a next request were taken off the socket: it must not serve another request.
            endPoint.close();
        }
        hungUp();
    }

    /** The connection failed or closed; a cancellation by {@link #stop()} is not a hang-up. */
    @Override
    public void failed(Throwable failure) {
        lock.lock();
        try {
            registered = false;
            if (stopped) {
                return;
            }
        } finally {
            lock.unlock();
        }
        hungUp();
    }

    private void watch() {
        if (!stopped && !registered && endPoint != null) {
            registered = endPoint.tryFillInterested(this);
        }
    }

    private void hungUp() {
        Runnable action;
        lock.lock();
        try {
            action = stopped ? null : onHangUp;
            stopped = true;
        } finally {
            lock.unlock();
        }
        if (action != null) {
            action.run();
        }
    }

    /** Dispatched to Jetty's executor: the selector thread never runs a stream's close. */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.BLOCKING;
    }
}
