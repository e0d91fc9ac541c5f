package dev.oponn.architecture.violations;

import org.springframework.stereotype.Component;

/** A bean, but the thread starts when the class loads, whether or not any context ever makes the bean. */
@Component
public class StaticInitializerInBean {
    static {
        Thread.startVirtualThread(() -> {});
    }
}
