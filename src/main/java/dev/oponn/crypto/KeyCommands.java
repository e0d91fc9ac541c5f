package dev.oponn.crypto;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The operator commands for master keys, run from the built jar or the classpath by their first argument
 * ({@code java -jar oponn.jar keyset --rotate}); {@code ./oponn keyset} and {@code ./oponn rewrap} call them.
 * {@code keyset} edits the local keyset file without starting the application; {@code rewrap} starts it without
 * opening a port, re-wraps every data key under the primary master key and exits.
 */
public final class KeyCommands {

    static final String KEYSET_USAGE = """
            usage: ./oponn keyset [--file PATH] [--rotate | --retire]
              (no flag)  create a new local master keyset (refuses to overwrite one)
              --rotate   add a new key and make it primary; older keys still unwrap what they wrapped
              --retire   remove every key but the primary: run ./oponn rewrap first, or what the
                         removed keys wrapped can never be opened again
              --file     the keyset file; default $OPONN_MASTER_KEYSET, else $OPONN_DATA_DIR/master-keyset.json
            The local keyset is for development; staging and production keep the master key in AWS KMS
            (OPONN_KMS_KEY_ID).""";

    static final String REWRAP_USAGE = """
            usage: ./oponn rewrap [--all]
              re-wraps every data key under the current primary master key (OPONN_KMS_KEY_ID, else the
              local keyset's primary), so that an older master key can be retired. Uses the same OPONN_*
              settings as the server; ciphertexts are not touched and running instances keep working.
              --all  also re-wrap keys already recorded under the primary""";

    private KeyCommands() {}

    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("keyset") || args[0].equals("rewrap"));
    }

    /** @return the process exit code */
    public static int run(Class<?> application, String[] args) {
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (args[0].equals("keyset")) {
            return keyset(rest, System.getenv(), System.out, System.err);
        }
        if (rest.contains("--help")) {
            System.out.println(REWRAP_USAGE);
            return 0;
        }
        return rewrap(new SpringApplicationBuilder(application), rest.toArray(String[]::new));
    }

    /**
     * Runs the application as the {@code rewrap} command and ends it when the job is done. The web application
     * context is kept (the security configuration needs it) but {@code server.port=-1} opens no port.
     */
    static int rewrap(SpringApplicationBuilder application, String[] args) {
        ConfigurableApplicationContext context =
                application.properties("oponn.command=rewrap", "server.port=-1").run(args);
        return SpringApplication.exit(context);
    }

    static int keyset(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.contains("--help")) {
            out.println(KEYSET_USAGE);
            return 0;
        }
        Optional<Path> file = keysetFile(args, env);
        boolean rotate = args.contains("--rotate");
        boolean retire = args.contains("--retire");
        if (file.isEmpty() || (rotate && retire) || !knownFlags(args)) {
            err.println(KEYSET_USAGE);
            return 2;
        }
        Path path = file.get();
        if (rotate || retire) {
            if (!Files.exists(path)) {
                err.println("oponn keyset: " + path + " does not exist; run ./oponn keyset first");
                return 1;
            }
            LocalKeyset edited = rotate ? LocalKeyset.rotate(path) : LocalKeyset.retireAllButPrimary(path);
            out.println((rotate ? "rotated " : "retired all but the primary key of ") + path + ": " + edited.size()
                    + " key(s), primary " + edited.primary().id());
            return 0;
        }
        Optional<LocalKeyset> created = LocalKeyset.createIfAbsent(path);
        if (created.isEmpty()) {
            err.println("oponn keyset: " + path + " already exists; use --rotate to add a key");
            return 1;
        }
        out.println("created " + path + " with master key "
                + created.get().primary().id() + " (development only: production keeps its master key in AWS KMS)");
        return 0;
    }

    private static Optional<Path> keysetFile(List<String> args, Map<String, String> env) {
        int at = args.indexOf("--file");
        if (at >= 0) {
            return at + 1 < args.size() ? Optional.of(Path.of(args.get(at + 1))) : Optional.empty();
        }
        String configured = env.get("OPONN_MASTER_KEYSET");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        return Optional.of(Path.of(env.getOrDefault("OPONN_DATA_DIR", "./data"), CryptoConfiguration.KEYSET_FILE));
    }

    private static boolean knownFlags(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--file")) {
                i++;
            } else if (!arg.equals("--rotate") && !arg.equals("--retire")) {
                return false;
            }
        }
        return true;
    }
}
