package dev.oponn.architecture.violations;

public class ThreadBuilderOutsideBean {
    Thread start(Runnable task) {
        return Thread.ofVirtual().start(task);
    }
}
