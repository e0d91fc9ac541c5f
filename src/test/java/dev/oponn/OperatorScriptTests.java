package dev.oponn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code ./oponn}: the help lists every command and every listed command explains itself with {@code --help}. */
class OperatorScriptTests {

    private static final Path PROJECT = Path.of(System.getProperty("user.dir"));

    @Test
    void helpListsTheOperatorCommands() throws Exception {
        Run help = oponn("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(commands(help.output()))
                .contains("dev", "run", "staging", "prod", "migrate", "simulate", "check", "format", "help");
        assertThat(oponn("help").output()).isEqualTo(help.output());
    }

    @Test
    void everyListedCommandAnswersHelpWithItsUsage() throws Exception {
        for (String command : commands(oponn("--help").output())) {
            if (command.equals("help")) {
                continue;
            }
            Run help = oponn(command, "--help");
            assertThat(help.exitCode()).as(command + " --help exits 0").isZero();
            assertThat(help.output()).as(command + " --help").startsWith("usage: ./oponn " + command);
        }
    }

    @Test
    void prodExplainsInstancesAndRejectsABadCount() throws Exception {
        assertThat(oponn("prod", "--help").output()).contains("--instances N", "consecutive", "SERVER_PORT");
        Run bad = oponn("prod", "--instances", "zero");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.output()).contains("--instances takes a whole number");
    }

    @Test
    void simulateWithoutArgumentsShowsItsUsageAndFails() throws Exception {
        Run bare = oponn("simulate");
        assertThat(bare.exitCode()).isEqualTo(2);
        assertThat(bare.output()).startsWith("usage: ./oponn simulate <ballot-url-or-id> --votes N");
    }

    @Test
    void anUnknownCommandFailsWithTheUsage() throws Exception {
        Run unknown = oponn("frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.output()).contains("unknown command 'frobnicate'", "usage: ./oponn <command>");
    }

    /** The command names in the help's {@code commands:} list: the first word of each line indented by two. */
    private static List<String> commands(String help) {
        List<String> commands = new ArrayList<>();
        boolean inList = false;
        for (String line : help.lines().toList()) {
            if (line.equals("commands:")) {
                inList = true;
            } else if (inList && line.isBlank()) {
                break;
            } else if (inList && line.startsWith("  ") && !line.startsWith("   ")) {
                commands.add(line.strip().split("\\s+")[0]);
            }
        }
        return commands;
    }

    private static Run oponn(String... args) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("bash", PROJECT.resolve("oponn").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(PROJECT.toFile())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("./oponn %s finishes", String.join(" ", args))
                .isTrue();
        return new Run(process.exitValue(), output);
    }

    private record Run(int exitCode, String output) {}
}
