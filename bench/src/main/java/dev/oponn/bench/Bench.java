package dev.oponn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The benchmark of issue 6, end to end: baselines, one Oponn instance, hostile forms, two instances, the correctness check, then
 * the result file and the HTML report. Exit status 0 when every check passed, 1 when a vote was lost or counted
 * twice or a viewer ended on a wrong tally, 2 when a part could not run.
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.print(Options.USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args, repo);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new Bench().run(options));
    }

    private int run(Options options) throws Exception {
        Progress progress = new Progress(System.out);
        Report report = new Report();
        Path jar = appJar(options);
        String commit = commit(options.repo());
        report.put("commit", commit);
        report.put("date", OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString());
        report.put("mode", options.scale().name());
        report.detail("machine", machine(options));
        if (options.quick()) {
            Options.Scale q = options.scale();
            report.note("quick mode: a smoke run with small numbers (" + q.voteSeconds() + " s vote repetitions, "
                    + q.smallViewers() + " / " + q.largeViewers() + " viewers on one ballot, " + q.manyBallots()
                    + " ballots x " + q.viewersPerBallot() + "); keys keep their full-run names, the figures are"
                    + " not the benchmark's");
        }
        progress.phase("Oponn benchmark, " + options.scale().name() + " mode, commit " + commit + ", jar " + jar);
        Files.createDirectories(options.workDir());
        // The servers' data directory (a generated keyset, for example) starts empty on every run.
        deleteRecursively(options.workDir().resolve("oponn-data"));
        boolean incomplete = false;
        long correctnessFailures;
        try (BenchDatabase database = BenchDatabase.create()) {
            progress.line("database " + database.name() + " on 127.0.0.1:5432 (dropped at the end)");
            Run run = new Run(options, progress, report, database, new VoteLedger(), new AtomicInteger());
            String secret = secret();
            incomplete |= !part(run, "baselines", () -> BaselinePhase.run(run));
            incomplete |= !part(run, "one", () -> OponnPhase.run(run, jar, secret));
            incomplete |= !part(run, "methods", () -> MethodsPhase.run(run, jar, secret));
            incomplete |= !part(run, "hostile", () -> HostileFormPhase.run(run, jar, secret));
            incomplete |= !part(run, "two", () -> TwoInstancePhase.run(run, jar, secret));
            progress.phase("correctness");
            double mismatches = report.number("viewer_mismatches");
            long viewerFailures = Double.isNaN(mismatches) ? 0 : (long) mismatches;
            correctnessFailures = viewerFailures + methodsFailures(report);
            if (run.ledger().ballots().isEmpty()) {
                report.note("correctness: the one and two parts cast no vote in this run, so there was nothing to check"
                        + " (the methods part checks its own votes)");
            } else {
                try {
                    Correctness.Verdict verdict = Correctness.check(database, run.ledger());
                    report.put("lost_votes", verdict.lost());
                    report.put("duplicate_votes", verdict.duplicates());
                    report.detail("correctness", verdict.details());
                    progress.line("   " + verdict.details());
                    correctnessFailures += verdict.lost() + verdict.duplicates() + verdict.voterRowMismatches();
                } catch (Exception e) {
                    progress.line("!! correctness check failed: " + e);
                    report.note("the correctness check could not run: " + e.getMessage());
                    incomplete = true;
                }
            }
        }
        Verdicts.addRatiosAndTargets(report);
        boolean passed = correctnessFailures == 0 && !incomplete;
        report.put("passed", passed);
        report.detail("load_average_at_end", loadAverage());
        Path json = write(options, commit, report);
        progress.phase("done");
        progress.line("results: " + json);
        progress.line(
                "report:  " + json.resolveSibling(json.getFileName().toString().replace(".json", ".html")));
        if (correctnessFailures > 0) {
            progress.line("FAILED: " + correctnessFailures + " correctness failures (lost " + report.get("lost_votes")
                    + ", duplicate " + report.get("duplicate_votes") + ", viewer mismatches "
                    + report.get("viewer_mismatches") + ")");
            return 1;
        }
        if (incomplete) {
            progress.line("INCOMPLETE: a part could not run; see notes in " + json);
            return 2;
        }
        return 0;
    }

    /** The voting-methods part checks its own ledgers: what it found lost, duplicated or mismatched. */
    static long methodsFailures(Report report) {
        long failures = 0;
        for (String key :
                new String[] {"methods_lost_votes", "methods_duplicate_votes", "methods_voter_row_mismatches"}) {
            double n = report.number(key);
            failures += Double.isNaN(n) ? 0 : (long) n;
        }
        return failures;
    }

    @FunctionalInterface
    private interface Part {
        void run() throws Exception;
    }

    /**
     * Runs one part unless {@code --only} left it out; a failure is reported in the notes and the run goes on with
     * the next part.
     */
    private static boolean part(Run run, String name, Part part) {
        if (!run.options().parts().contains(name)) {
            run.report()
                    .note("part '" + name + "' skipped (--only "
                            + String.join(",", run.options().parts()) + ")");
            return true;
        }
        try {
            part.run();
            return true;
        } catch (Exception e) {
            run.progress().line("!! " + name + " failed: " + e);
            run.report().note(name + " could not run: " + e.getMessage());
            return false;
        }
    }

    private static Path write(Options options, String commit, Report report) throws IOException {
        Files.createDirectories(options.resultsDir());
        boolean partial = !options.parts().containsAll(Options.PARTS);
        String stem = LocalDate.now(ZoneOffset.UTC) + "-" + commit + (options.quick() ? "-quick" : "")
                + (partial ? "-partial" : "");
        Path json = options.resultsDir().resolve(stem + ".json");
        for (int i = 2; Files.exists(json) && i < 1000; i++) {
            json = options.resultsDir().resolve(stem + "-" + i + ".json");
        }
        Files.writeString(json, Json.write(report.toMap()), StandardCharsets.UTF_8);
        Path html = json.resolveSibling(json.getFileName().toString().replace(".json", ".html"));
        Files.writeString(html, HtmlReport.render(report), StandardCharsets.UTF_8);
        return json;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Path appJar(Options options) throws IOException {
        if (options.appJar() != null) {
            return options.appJar().toAbsolutePath();
        }
        try (Stream<Path> files = Files.list(options.repo().resolve("target"))) {
            return files.filter(p -> {
                        String n = p.getFileName().toString();
                        return n.startsWith("oponn-")
                                && n.endsWith(".jar")
                                && !n.endsWith("-plain.jar")
                                && !n.endsWith("-server.jar");
                    })
                    .findFirst()
                    .orElseThrow(
                            () -> new IOException("no target/oponn-*.jar: build it with ./mvnw -DskipTests package"));
        }
    }

    private static String commit(Path repo) {
        String head = git(repo, "rev-parse", "--short", "HEAD");
        if (head.isEmpty()) {
            return "unknown";
        }
        boolean dirty =
                !git(repo, "status", "--porcelain", "--untracked-files=no").isEmpty();
        return dirty ? head + "-dirty" : head;
    }

    private static String git(Path repo, String... args) {
        try {
            Process p = new ProcessBuilder(Stream.concat(Stream.of("git", "-C", repo.toString()), Stream.of(args))
                            .toList())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    private static String secret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static Map<String, Object> machine(Options options) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("load_average_at_start", loadAverage());
        m.put("concurrency", options.concurrency());
        m.put("server_args", options.serverArgs());
        m.put("parts", Options.PARTS.stream().filter(options.parts()::contains).toList());
        return m;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
