package dev.oponn.live;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The live path's threads, owned by the application context and stopped with it: one timer thread that only
 * hands work on, and a virtual thread per task for renders, fan-out chunks and the Redis publisher.
 */
@Component
class LiveThreads implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveThreads.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("live-timer").factory());
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("live-", 0).factory());

    ExecutorService workers() {
        return workers;
    }

    void run(Runnable task) {
        try {
            workers.execute(() -> guarded(task));
        } catch (RejectedExecutionException shuttingDown) {
            // The context is closing; streams are being closed too.
        }
    }

    void runAfter(long delayNanos, Runnable task) {
        if (delayNanos <= 0) {
            run(task);
            return;
        }
        try {
            timer.schedule(() -> run(task), delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // As above.
        }
    }

    void every(long periodNanos, Runnable task) {
        timer.scheduleWithFixedDelay(() -> run(task), periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.atError().setMessage("live.task_failed").setCause(e).log();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
    }
}
