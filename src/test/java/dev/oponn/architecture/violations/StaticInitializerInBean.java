package dev.oponn.architecture.violations;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** A bean, but the thread starts when the class loads, whether or not any context ever makes the bean. */
// Never a bean of the test applications, which scan dev.oponn: the fixture exists only for ArchUnit to read.
@Profile("architecture-fixture")
@Component
public class StaticInitializerInBean {
    static {
        Thread.startVirtualThread(() -> {});
    }
}
