package dev.oponn.architecture.violations;

public class StaticCounter {
    static int count;
}
