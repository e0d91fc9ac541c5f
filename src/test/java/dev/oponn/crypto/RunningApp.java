package dev.oponn.crypto;

import dev.oponn.OponnApplication;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * One whole Oponn instance on a random port with exactly the given settings, for tests that restart the
 * application (cold caches) or run several over one database. Close it to stop it; the database outlives it.
 */
final class RunningApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** @param beans extra singletons, such as AWS credentials for the KMS emulator */
    static RunningApp start(Map<String, Object> properties, Map<String, Object> beans) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("server.port", "0");
        return new RunningApp(application(all, beans).run());
    }

    /** The application as {@link #start} would run it, for running it another way (as a command). */
    static SpringApplicationBuilder application(Map<String, Object> properties, Map<String, Object> beans) {
        return new SpringApplicationBuilder(OponnApplication.class)
                .properties(properties)
                .initializers(ctx -> beans.forEach((name, bean) ->
                        ((GenericApplicationContext) ctx).getBeanFactory().registerSingleton(name, bean)));
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The sum of a counter over every tag combination that matches the given tags. */
    double count(String name, String... tags) {
        return context.getBean(MeterRegistry.class).find(name).tags(tags).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    @Override
    public void close() {
        context.close();
    }
}
