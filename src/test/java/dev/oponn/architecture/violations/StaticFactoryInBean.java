package dev.oponn.architecture.violations;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** A bean, but the executor is made by static code that any class may call, before any context exists. */
// Never a bean of the test applications, which scan dev.oponn: the fixture exists only for ArchUnit to read.
@Profile("architecture-fixture")
@Component
public class StaticFactoryInBean {
    static ExecutorService pool() {
        return Executors.newSingleThreadExecutor();
    }
}
