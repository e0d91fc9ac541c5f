package dev.oponn.architecture.allowed;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** An executor made by a {@code @Bean} method: the context closes it. */
// Never a bean of the test applications, which scan dev.oponn: the fixture exists only for ArchUnit to read.
@Profile("architecture-fixture")
@Configuration
public class ExecutorConfiguration {

    @Bean(destroyMethod = "close")
    ExecutorService reports() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }
}
