package dev.oponn.architecture.violations;

import java.util.concurrent.atomic.LongAdder;

public class StaticAtomic {
    static final LongAdder COUNT = new LongAdder();
}
