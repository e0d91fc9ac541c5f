package dev.oponn.architecture.violations;

import java.util.concurrent.ThreadFactory;

public class ThreadFactoryReferenceOutsideBean {
    ThreadFactory factory() {
        return Thread::new;
    }
}
