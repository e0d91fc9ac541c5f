package dev.oponn.architecture.violations;

import java.util.concurrent.ConcurrentHashMap;

public class StaticConcurrentMap {
    static final ConcurrentHashMap<String, String> VALUES = new ConcurrentHashMap<>();
}
