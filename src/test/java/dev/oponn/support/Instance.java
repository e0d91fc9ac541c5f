package dev.oponn.support;

import dev.oponn.OponnApplication;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * One more running Oponn, started the way an operator starts it (command-line settings, no test context), for
 * tests that need several instances, a non-development environment, or to stop an instance themselves. The
 * database is the caller's (usually from {@link FreshDatabase#create()}, shared by instances); the data directory
 * is the instance's own and is deleted on close.
 */
public final class Instance implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Path dataDir;

    private Instance(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
    }

    /**
     * Starts on random ports with the database's settings, the given secret and any further {@code --name=value}
     * settings, which win over the defaults here.
     */
    public static Instance start(FreshDatabase.Database database, String secret, String... settings) {
        return start(Map.of(), database, secret, settings);
    }

    /** As {@link #start(FreshDatabase.Database, String, String...)}, with {@code beans} registered by name first. */
    public static Instance start(
            Map<String, Object> beans, FreshDatabase.Database database, String secret, String... settings) {
        Path dataDir = FreshDatabase.tempDir();
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("server.port", 0);
        args.put("oponn.management.port", 0);
        args.put("oponn.data-dir", dataDir);
        args.put("oponn.secret-key", secret);
        args.putAll(database.properties());
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            args.put(setting.substring(2, eq), setting.substring(eq + 1));
        }
        String[] commandLine = args.entrySet().stream()
                .map(arg -> "--" + arg.getKey() + "=" + arg.getValue())
                .toArray(String[]::new);
        try {
            return new Instance(
                    new SpringApplicationBuilder(OponnApplication.class)
                            .initializers(context -> beans.forEach(
                                    (name, bean) -> context.getBeanFactory().registerSingleton(name, bean)))
                            .run(commandLine),
                    dataDir);
        } catch (RuntimeException e) {
            FileSystemUtils.deleteRecursively(dataDir.toFile());
            throw e;
        }
    }

    /** Starts with exactly these settings and nothing else: for startups expected to be refused. */
    public static ConfigurableApplicationContext startBare(String... settings) {
        return new SpringApplicationBuilder(OponnApplication.class).run(settings);
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** The port of {@code /actuator}: the application's own in development, a separate one in staging and production. */
    public int managementPort() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.management.port", String.valueOf(port())));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            FileSystemUtils.deleteRecursively(dataDir.toFile());
        }
    }
}
