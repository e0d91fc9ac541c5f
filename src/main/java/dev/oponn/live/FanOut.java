package dev.oponn.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;

/**
 * Hands one frame to every viewer of a ballot. Each offer is a non-blocking write, a few microseconds; a large
 * audience is cut into chunks offered in parallel on virtual threads, so that both cores share the work.
 */
@Component
class FanOut {

    static final int CHUNK = 512;

    private final LiveThreads threads;

    FanOut(LiveThreads threads) {
        this.threads = threads;
    }

    void offer(Collection<Viewer> viewers, Frame frame) {
        if (viewers.size() <= CHUNK) {
            viewers.forEach(viewer -> viewer.offer(frame));
            return;
        }
        List<Callable<Void>> chunks = new ArrayList<>();
        List<Viewer> chunk = new ArrayList<>(CHUNK);
        for (Viewer viewer : viewers) {
            chunk.add(viewer);
            if (chunk.size() == CHUNK) {
                chunks.add(offerAll(chunk, frame));
                chunk = new ArrayList<>(CHUNK);
            }
        }
        chunks.add(offerAll(chunk, frame));
        try {
            threads.workers().invokeAll(chunks);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Callable<Void> offerAll(List<Viewer> viewers, Frame frame) {
        return () -> {
            viewers.forEach(viewer -> viewer.offer(frame));
            return null;
        };
    }
}
