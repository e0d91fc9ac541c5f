package dev.oponn.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Command-line options. {@code --quick} is a smoke run of about two minutes with small numbers; its figures are
 * not the benchmark's and its result files are named {@code -quick} (and ignored by git).
 */
record Options(
        boolean quick,
        Path repo,
        Path appJar,
        Path resultsDir,
        Path workDir,
        int concurrency,
        int redisDb,
        List<String> serverArgs,
        Set<String> parts,
        Scale scale) {

    static final List<String> PARTS = List.of("baselines", "one", "methods", "hostile", "two");

    static final String USAGE = """
            usage: bench/run [--skip-build] [--quick] [options]
              --skip-build            (first argument) reuse the jars of the last build
              --quick                 smoke run (~2 min, small numbers; results named *-quick, not committed)
              --concurrency N         concurrent vote senders and baseline callers (default 32, quick 16)
              --server-arg ARG        extra argument for every Oponn instance, repeatable
                                      (e.g. --server-arg=--oponn.live.max-streams-per-client=100000)
              --only PART[,PART]      run only some parts: baselines, one (instance), methods (voting
                                      methods against single choice), hostile (forms), two (instances);
                                      a partial run's result file says which parts were skipped
              --redis-db N            Redis database for the two-instance part (default 13)
              --app-jar PATH          the Oponn jar (default: target/oponn-*.jar)
              --results DIR           where the JSON and HTML go (default bench/results)
              --work DIR              logs and data of the servers under test (default bench/work)
            """;

    static Options parse(String[] args, Path repo) {
        boolean quick = false;
        Path appJar = null;
        Path results = repo.resolve("bench/results");
        Path work = repo.resolve("bench/work");
        Integer concurrency = null;
        int redisDb = 13;
        List<String> serverArgs = new ArrayList<>();
        Set<String> parts = new LinkedHashSet<>(PARTS);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (value == null && !name.equals("--quick") && !name.equals("--help")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
                }
                value = args[++i];
            }
            switch (name) {
                case "--quick" -> quick = true;
                case "--concurrency" -> concurrency = Integer.parseInt(value);
                case "--server-arg" -> serverArgs.add(value);
                case "--only" -> {
                    parts = new LinkedHashSet<>(List.of(value.split(",")));
                    if (!PARTS.containsAll(parts)) {
                        throw new IllegalArgumentException("--only takes " + PARTS + "\n" + USAGE);
                    }
                }
                case "--redis-db" -> redisDb = Integer.parseInt(value);
                case "--app-jar" -> appJar = Path.of(value);
                case "--results" -> results = Path.of(value);
                case "--work" -> work = Path.of(value);
                case "--help" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        Scale scale = quick ? Scale.QUICK : Scale.FULL;
        return new Options(
                quick,
                repo,
                appJar,
                results,
                work,
                concurrency == null ? scale.concurrency() : concurrency,
                redisDb,
                List.copyOf(serverArgs),
                Set.copyOf(parts),
                scale);
    }

    /**
     * How big each part is. Full: about 15-20 minutes on two cores; quick: about two.
     *
     * @param reps repetitions of every measurement
     * @param warmupSeconds unmeasured load before the first vote repetition, for the JIT
     * @param voteSeconds one vote-throughput repetition (closed loop, and the open loop at half rate)
     * @param createSeconds one ballot-creation repetition
     * @param baselineSeconds one repetition of the insert and bare-HTTP baselines
     * @param voteBallots ballots the throughput votes spread over
     * @param smallViewers viewers of one ballot in the first fan-out scenario (1,000)
     * @param largeViewers viewers of one ballot in the second (10,000)
     * @param manyBallots ballots in the third (1,000)
     * @param viewersPerBallot viewers of each of those (10)
     * @param singleBallotVotes votes per repetition on one watched ballot
     * @param manyBallotVotes votes per repetition over the many ballots
     * @param crossViewers viewers on the second instance in the two-instance fan-out
     * @param hostileForms hostile forms per repetition of the hostile-forms part (and ten times as many ordinary)
     */
    record Scale(
            String name,
            int reps,
            double warmupSeconds,
            double voteSeconds,
            double createSeconds,
            double baselineSeconds,
            int concurrency,
            int voteBallots,
            int smallViewers,
            int largeViewers,
            int manyBallots,
            int viewersPerBallot,
            int singleBallotVotes,
            int manyBallotVotes,
            int crossViewers,
            double startTimeoutSeconds,
            double connectTimeoutSeconds,
            int hostileForms) {

        static final Scale FULL =
                new Scale("full", 3, 5, 15, 8, 10, 32, 24, 1_000, 10_000, 1_000, 10, 20, 100, 1_000, 240, 180, 200);
        static final Scale QUICK = new Scale("quick", 3, 1, 3, 2, 2, 16, 8, 100, 500, 20, 5, 5, 20, 100, 240, 60, 20);
    }
}
