package dev.oponn.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hostile forms (issue 11): what it costs Oponn to refuse a 62 KB urlencoded body of about 21,000 values of one name
 * ({@code p=&p=&...}), the most values a body under the 64 KB form limit can carry, posted to a path that does not
 * exist. It must be refused with 400, and the figure is the server's CPU per refusal, beside the CPU per refusal of an
 * ordinary bad form (101 values, one over the limit, 300 bytes) answered the same way. A fixed number of each, on a
 * few connections, from a fresh instance warmed up with both; ten times as many ordinary ones, so that both spend
 * enough CPU to be read from {@code /proc}'s 10 ms ticks. A repetition stops at {@value #MAX_SECONDS_PER_REP} s
 * (the figure is then per request sent until then): at 0.8 s of CPU per hostile form, as measured before issue
 * 11's fix, a whole count would hold the run for many minutes.
 */
final class HostileFormPhase {

    static final int HOSTILE_VALUES = 21_000;
    static final int ORDINARY_VALUES = 101;
    static final int ORDINARY_PER_HOSTILE = 10;
    private static final int CONNECTIONS = 4;
    private static final int MAX_SECONDS_PER_REP = 120;

    private HostileFormPhase() {}

    static void run(Run run, Path jar, String secret) throws Exception {
        run.progress().phase("hostile forms, one instance");
        int requests = run.scale().hostileForms();
        int ordinaryRequests = requests * ORDINARY_PER_HOSTILE;
        HttpRequest hostile = repeatedValues(HOSTILE_VALUES);
        HttpRequest ordinary = repeatedValues(ORDINARY_VALUES);
        try (ServerProcess oponn = Oponn.start(run, "oponn-hostile", jar, secret, null)) {
            refusals(run, oponn, "warm-up, hostile", hostile, Math.max(1, requests / 4));
            refusals(run, oponn, "warm-up, ordinary", ordinary, ordinaryRequests / 2);
            List<Refusals> hostileReps = new ArrayList<>();
            List<Refusals> ordinaryReps = new ArrayList<>();
            for (int rep = 1; rep <= run.scale().reps(); rep++) {
                // Interleaved, so that a slow moment of the shared machine falls on both kinds alike.
                hostileReps.add(refusals(run, oponn, "hostile rep " + rep, hostile, requests));
                ordinaryReps.add(refusals(run, oponn, "ordinary rep " + rep, ordinary, ordinaryRequests));
            }
            double hostileCpu = Stats.median(
                    hostileReps.stream().map(Refusals::cpuMsPerRequest).toList());
            double ordinaryCpu = Stats.median(
                    ordinaryReps.stream().map(Refusals::cpuMsPerRequest).toList());
            run.report().put("hostile_form_cpu_ms_per_request", hostileCpu);
            run.report().put("refused_form_cpu_ms_per_request", ordinaryCpu);
            run.report()
                    .put(
                            "hostile_form_refusals_per_s",
                            Report.medianRate(
                                    hostileReps.stream().map(Refusals::recorder).toList()));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("path", hostile.path());
            details.put("hostile_body_bytes", hostile.body().length);
            details.put("hostile_values", HOSTILE_VALUES);
            details.put("ordinary_body_bytes", ordinary.body().length);
            details.put("ordinary_values", ORDINARY_VALUES);
            details.put("hostile_requests_per_rep", requests);
            details.put("ordinary_requests_per_rep", ordinaryRequests);
            details.put("max_seconds_per_rep", MAX_SECONDS_PER_REP);
            details.put("connections", CONNECTIONS);
            details.put("hostile", describe(hostileReps));
            details.put("ordinary", describe(ordinaryReps));
            run.report().detail("hostile_forms", details);
            long unexpected = hostileReps.stream()
                            .mapToLong(Refusals::unexpected)
                            .sum()
                    + ordinaryReps.stream().mapToLong(Refusals::unexpected).sum();
            if (unexpected > 0) {
                run.report()
                        .note("hostile forms: " + unexpected + " requests were not answered 400; see"
                                + " details.hostile_forms");
            }
        }
    }

    /** {@code p=&p=&...&p=}: {@code values} empty values of one name, to a path no route serves. */
    static HttpRequest repeatedValues(int values) {
        byte[] body = ("p=&".repeat(values - 1) + "p=").getBytes(StandardCharsets.US_ASCII);
        return new HttpRequest(
                "POST", "/no-such-page", List.of("Content-Type: application/x-www-form-urlencoded"), body);
    }

    record Refusals(Recorder recorder, double cpuMsPerRequest, long unexpected) {}

    private static Refusals refusals(Run run, ServerProcess server, String label, HttpRequest request, int count) {
        AtomicLong remaining = new AtomicLong(count);
        int base = run.clients().getAndAdd(CONNECTIONS);
        long cpu0 = server.cpuNanos();
        Recorder r = ClosedLoop.run(
                label,
                CONNECTIONS,
                MAX_SECONDS_PER_REP,
                w -> server.target().connection(base + w),
                connection -> {
                    if (remaining.getAndDecrement() <= 0) {
                        return Work.Outcome.EXHAUSTED;
                    }
                    try {
                        HttpResponse response = connection.exchange(request);
                        return response.status() == 400
                                ? Work.Outcome.ACK
                                : Work.Outcome.other("status_" + response.status());
                    } catch (java.io.IOException e) {
                        return Work.Outcome.other("io_error");
                    }
                },
                run.progress());
        long cpu1 = server.cpuNanos();
        long answered = count - Math.max(0, remaining.get());
        double cpuMs = cpu0 < 0 || cpu1 < 0 || answered <= 0 ? Double.NaN : (cpu1 - cpu0) / 1e6 / answered;
        long unexpected = r.outcomes().entrySet().stream()
                .filter(e -> !e.getKey().equals("exhausted"))
                .mapToLong(Map.Entry::getValue)
                .sum();
        run.progress()
                .line(String.format(
                        java.util.Locale.ROOT,
                        "   %s: %d refused with 400 (%.1f/s), server CPU %.3f ms each, p50 %.1f ms%s",
                        label,
                        r.acks(),
                        r.ratePerSecond(),
                        cpuMs,
                        r.percentileMillis(50),
                        unexpected == 0 ? "" : ", other: " + r.outcomes()));
        return new Refusals(r, cpuMs, unexpected);
    }

    private static Map<String, Object> describe(List<Refusals> reps) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "server_cpu_ms_per_request",
                Stats.summary(reps.stream().map(Refusals::cpuMsPerRequest).toList()));
        out.putAll(Report.summarize(reps.stream().map(Refusals::recorder).toList()));
        return out;
    }
}
