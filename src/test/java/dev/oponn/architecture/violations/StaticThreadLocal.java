package dev.oponn.architecture.violations;

public class StaticThreadLocal {
    static final ThreadLocal<StringBuilder> BUFFER = ThreadLocal.withInitial(StringBuilder::new);
}
