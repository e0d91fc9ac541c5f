package dev.oponn.crypto;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The {@code rewrap} run mode ({@link KeyCommands}): re-wraps every data key under the primary master key, prints
 * what it did and ends the application with exit code 0, or 1 if any key could not be re-wrapped.
 */
@Component
@ConditionalOnProperty(name = "oponn.command", havingValue = "rewrap")
class RewrapCommand implements ApplicationRunner, ExitCodeGenerator {

    private final KeyRewrap rewrap;
    private final AtomicInteger exitCode = new AtomicInteger();

    RewrapCommand(KeyRewrap rewrap) {
        this.rewrap = rewrap;
    }

    @Override
    public void run(ApplicationArguments args) {
        KeyRewrap.Report report = rewrap.rewrap(args.containsOption("all"));
        System.out.printf(
                "re-wrapped %d data keys under %s; %d were already under it; %d failed%n",
                report.rewrapped(), report.primaryMasterKeyId(), report.alreadyCurrent(), report.failed());
        exitCode.set(report.failed() == 0 ? 0 : 1);
    }

    @Override
    public int getExitCode() {
        return exitCode.get();
    }
}
