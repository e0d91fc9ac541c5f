package dev.oponn.architecture.violations;

import java.util.concurrent.CopyOnWriteArrayList;

public class StaticList {
    static final CopyOnWriteArrayList<String> VALUES = new CopyOnWriteArrayList<>();
}
