package dev.oponn.live;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotCatalog;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Once a second, over every feed: pushes the panel again when a scheduled ballot opens (its status line changes
 * though no vote was cast), sends a ballot that closed its final tally and the {@code closed} event and, once they
 * have lingered, ends its streams,
 * drops viewers whose connection has taken nothing for the write timeout, sends a heartbeat comment to quiet streams,
 * and forgets feeds nobody has watched for the idle retention (the reaper).
 */
@Component
class FeedSweep implements SmartLifecycle {

    private static final long PERIOD_NANOS = Duration.ofSeconds(1).toNanos();

    private final LiveResults live;
    private final BallotCatalog catalog;
    private final LiveThreads threads;
    private final LiveProperties properties;
    private final Frame heartbeat = Frame.heartbeat();
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();

    FeedSweep(LiveResults live, BallotCatalog catalog, LiveThreads threads, LiveProperties properties) {
        this.live = live;
        this.catalog = catalog;
        this.threads = threads;
        this.properties = properties;
    }

    void sweep() {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            long now = System.nanoTime();
            long writeTimeout = properties.writeTimeout().toNanos();
            long heartbeatInterval = properties.heartbeatInterval().toNanos();
            long retention = properties.idleRetention().toNanos();
            for (BallotFeed feed : live.feeds()) {
                Ballot ballot = catalog.find(feed.ballot()).orElse(null);
                if (ballot != null) {
                    live.openIfStarted(feed, ballot);
                    live.endIfOver(feed, ballot);
                    live.endLingering(feed, ballot);
                }
                for (Viewer viewer : feed.viewers()) {
                    if (viewer.stalledLongerThan(now, writeTimeout)) {
                        viewer.drop(Viewer.Exit.STALLED);
                    } else {
                        viewer.heartbeatIfQuiet(heartbeat, now, heartbeatInterval);
                    }
                }
                live.forgetIfIdle(feed, now, retention);
            }
        } finally {
            sweeping.set(false);
        }
    }

    @Override
    public void start() {
        if (started.compareAndSet(false, true)) {
            threads.every(PERIOD_NANOS, this::sweep);
        }
    }

    /** The timer stops with {@link LiveThreads}; streams are closed by {@link LiveResults#stop()}. */
    @Override
    public void stop() {
        started.set(false);
    }

    @Override
    public boolean isRunning() {
        return started.get();
    }
}
