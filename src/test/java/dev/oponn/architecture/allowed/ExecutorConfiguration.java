package dev.oponn.architecture.allowed;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** An executor made by a {@code @Bean} method: the context closes it. */
@Configuration
public class ExecutorConfiguration {

    @Bean(destroyMethod = "close")
    ExecutorService reports() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }
}
