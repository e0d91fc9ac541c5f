package dev.oponn;

import dev.oponn.crypto.KeyCommands;
import dev.oponn.platform.Migration;
import dev.oponn.simulate.Simulation;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OponnApplication {

    /** The server, unless the first argument names one of the jar's operator jobs ({@code ./oponn help}). */
    public static void main(String[] args) {
        // Operator commands do their job and exit instead of serving.
        if (KeyCommands.handles(args)) {
            System.exit(KeyCommands.run(OponnApplication.class, args));
        }
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (args.length == 0 ? "" : args[0]) {
            case "migrate" -> Migration.run(rest);
            case "simulate" -> System.exit(Simulation.run(rest));
            default -> SpringApplication.run(OponnApplication.class, args);
        }
    }
}
