package dev.oponn.architecture.violations;

public class StaticThread {
    static final Thread WORKER = new Thread(() -> {});
}
