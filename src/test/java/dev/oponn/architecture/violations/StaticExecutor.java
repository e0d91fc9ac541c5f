package dev.oponn.architecture.violations;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

public class StaticExecutor {
    static final ExecutorService POOL = Executors.newCachedThreadPool();
}
