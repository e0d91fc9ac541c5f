package dev.oponn.architecture.violations;

import java.util.concurrent.locks.ReentrantReadWriteLock;

public class StaticLock {
    static final ReentrantReadWriteLock LOCK = new ReentrantReadWriteLock();
}
