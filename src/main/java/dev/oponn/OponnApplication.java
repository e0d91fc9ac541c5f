package dev.oponn;

import dev.oponn.crypto.KeyCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OponnApplication {

    public static void main(String[] args) {
        // Operator commands (`keyset`, `rewrap`) do their job and exit instead of serving.
        if (KeyCommands.handles(args)) {
            System.exit(KeyCommands.run(OponnApplication.class, args));
        }
        SpringApplication.run(OponnApplication.class, args);
    }
}
