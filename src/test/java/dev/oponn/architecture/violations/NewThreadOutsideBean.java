package dev.oponn.architecture.violations;

public class NewThreadOutsideBean {
    Thread start(Runnable task) {
        Thread thread = new Thread(task, "worker");
        thread.start();
        return thread;
    }
}
