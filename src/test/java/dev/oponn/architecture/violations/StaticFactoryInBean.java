package dev.oponn.architecture.violations;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;

/** A bean, but the executor is made by static code that any class may call, before any context exists. */
@Component
public class StaticFactoryInBean {
    static ExecutorService pool() {
        return Executors.newSingleThreadExecutor();
    }
}
