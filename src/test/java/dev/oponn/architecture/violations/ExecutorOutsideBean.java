package dev.oponn.architecture.violations;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

public class ExecutorOutsideBean {
    ExecutorService open() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }
}
