package dev.oponn.bench;

import java.io.PrintStream;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Progress lines on the console while the benchmark runs, each stamped with the time since the start. */
final class Progress {

    private final PrintStream out;
    private final long start = System.nanoTime();

    Progress(PrintStream out) {
        this.out = out;
    }

    void phase(String name) {
        line("== " + name);
    }

    void line(String text) {
        long s = (System.nanoTime() - start) / 1_000_000_000L;
        synchronized (out) {
            out.printf("[%02d:%02d] %s%n", s / 60, s % 60, text);
            out.flush();
        }
    }

    /** Prints {@code status} every {@code everyMillis} until closed. */
    Ticker ticker(Supplier<String> status, long everyMillis) {
        return new Ticker(status, everyMillis);
    }

    final class Ticker implements AutoCloseable {

        private final Thread thread;
        private volatile boolean running = true;

        private Ticker(Supplier<String> status, long everyMillis) {
            thread = Thread.ofVirtual().name("progress").start(() -> {
                long next = System.nanoTime() + everyMillis * 1_000_000L;
                while (running) {
                    LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
                    if (running && System.nanoTime() >= next) {
                        line("   " + status.get());
                        next += everyMillis * 1_000_000L;
                    }
                }
            });
        }

        @Override
        public void close() {
            running = false;
            LockSupport.unpark(thread);
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
