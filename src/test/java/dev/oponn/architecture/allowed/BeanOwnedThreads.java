package dev.oponn.architecture.allowed;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Threads created by a bean's field initializers and methods: they live and die with the bean. */
// Never a bean of the test applications, which scan dev.oponn: the fixture exists only for ArchUnit to read.
@Profile("architecture-fixture")
@Component
public class BeanOwnedThreads implements AutoCloseable {

    private static final int LANES = 4;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("timer").factory());
    private volatile ExecutorService lanes;

    public void start() {
        lanes = Executors.newFixedThreadPool(LANES, Thread.ofVirtual().factory());
        lanes.execute(() -> Thread.ofVirtual().start(() -> {}));
    }

    @Override
    public void close() {
        timer.close();
        lanes.close();
    }
}
