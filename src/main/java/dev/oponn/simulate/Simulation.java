package dev.oponn.simulate;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@link SimulatedDevice}s until the requested number of votes has been tried, a bounded number at a time, and
 * reports each kind of outcome. The executor lives exactly as long as one run.
 */
public final class Simulation {

    private final SimulationOptions options;
    private final PrintStream out;
    private final AtomicInteger cast = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final Map<String, Integer> reasons = new ConcurrentHashMap<>();

    Simulation(SimulationOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** @return the process exit code: 0 when every vote was cast, 1 when some were not, 2 on bad arguments */
    public static int run(String... args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println(SimulationOptions.USAGE);
            return args.length == 0 ? 2 : 0;
        }
        SimulationOptions options;
        try {
            options = SimulationOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("simulate: " + e.getMessage());
            System.err.println(SimulationOptions.USAGE);
            return 2;
        }
        return new Simulation(options, System.err).run() ? 0 : 1;
    }

    boolean run() {
        out.println("simulate: " + options.votes() + " votes on " + options.votePage() + " through the API, "
                + options.concurrency() + " devices at a time");
        ProgressBar bar = new ProgressBar(out, options.votes());
        long started = System.nanoTime();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        JsonMapper json = JsonMapper.builder().build();
        Semaphore slots = new Semaphore(options.concurrency());
        AtomicInteger done = new AtomicInteger();
        try (http;
                ExecutorService devices = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < options.votes(); i++) {
                slots.acquireUninterruptibly();
                devices.execute(() -> {
                    try {
                        record(new SimulatedDevice(http, json).vote(options.baseUrl(), options.ballotId()));
                    } catch (Exception e) {
                        record(SimulatedDevice.Outcome.failed(e.getClass().getSimpleName()));
                    } finally {
                        bar.update(done.incrementAndGet(), cast.get(), refused.get(), failed.get());
                        slots.release();
                    }
                });
            }
        }
        double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        out.printf(
                "simulate: %d cast, %d refused, %d failed in %.1f s (%.0f votes/s)%n",
                cast.get(), refused.get(), failed.get(), seconds, cast.get() / seconds);
        reasons.forEach((reason, count) -> out.println("  " + count + " x " + reason));
        return cast.get() == options.votes();
    }

    private void record(SimulatedDevice.Outcome outcome) {
        switch (outcome.kind()) {
            case CAST -> cast.incrementAndGet();
            case REFUSED -> refused.incrementAndGet();
            case FAILED -> failed.incrementAndGet();
        }
        if (!outcome.detail().isEmpty()) {
            reasons.merge(outcome.detail(), 1, Integer::sum);
        }
    }

    int cast() {
        return cast.get();
    }
}
