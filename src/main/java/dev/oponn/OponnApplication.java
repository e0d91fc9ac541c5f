package dev.oponn;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OponnApplication {

    public static void main(String[] args) {
        SpringApplication.run(OponnApplication.class, args);
    }
}
