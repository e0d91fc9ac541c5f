package dev.oponn.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.OponnApplication;
import dev.oponn.support.Device;
import dev.oponn.support.Device.Response;
import dev.oponn.support.FreshDatabase;
import dev.oponn.support.OidcProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Two instances of Oponn behind an imagined load balancer: one database, the shared Redis (sessions under a
 * namespace of their own, so parallel runs never meet), one OpenID provider, mock sign-in off as outside
 * development. The browser's requests land on whichever instance; sign-in must not care.
 */
class SharedSessionTests {

    static final String NAMESPACE = "oponn-test:" + UUID.randomUUID();

    static OidcProvider provider;
    static FreshDatabase.Database database;
    static final List<Path> dataDirs = new ArrayList<>();
    static ConfigurableApplicationContext instanceA;
    static ConfigurableApplicationContext instanceB;

    @BeforeAll
    static void startTwoInstances() {
        provider = new OidcProvider();
        database = FreshDatabase.create();
        String secret = FreshDatabase.randomSecret();
        instanceA = start(secret);
        instanceB = start(secret);
    }

    @AfterAll
    static void stopEverything() {
        try {
            StringRedisTemplate redis = instanceA.getBean(StringRedisTemplate.class);
            Set<String> keys = redis.keys(NAMESPACE + ":*");
            if (!keys.isEmpty()) {
                redis.delete(keys);
            }
        } finally {
            instanceA.close();
            instanceB.close();
            database.drop();
            provider.close();
            dataDirs.forEach(dir -> FileSystemUtils.deleteRecursively(dir.toFile()));
        }
    }

    @Test
    void signInRedirectedByOneInstanceCompletesOnTheOther() {
        Device onA = new Device(port(instanceA));
        provider.nextSignIn("sub-cluster", "cluster@example.org", true, "Cluster Person");
        String callback = provider.callbackFor(onA);
        String sessionBefore = onA.cookie("oponn_session");

        Device onB = sameBrowserOn(onA, instanceB);
        Response landed = onB.get(callback);

        assertThat(landed.status()).isEqualTo(303);
        assertThat(landed.header("Location")).isEqualTo("/");
        String session = onB.cookie("oponn_session");
        assertThat(session).isNotNull().isNotEqualTo(sessionBefore);
        assertThat(onB.get("/").html().select("h1").text()).contains("my_ballots");
        assertThat(sameBrowserOn(onB, instanceA)
                        .get("/")
                        .html()
                        .select("header .viewer")
                        .text())
                .isEqualTo("Cluster Person");
    }

    @Test
    void sessionsLiveInRedisUnderTheNamespaceWithTheIdleTimeout() {
        Device onA = new Device(port(instanceA));
        provider.signIn(onA, "sub-redis", "redis@example.org", "Redis Person");

        StringRedisTemplate redis = instanceA.getBean(StringRedisTemplate.class);
        Set<String> sessions = redis.keys(NAMESPACE + ":sessions:*");
        assertThat(sessions).isNotEmpty();
        Long ttl = redis.getExpire(sessions.iterator().next());
        assertThat(ttl).isPositive().isLessThanOrEqualTo(30 * 60);
    }

    @Test
    void signingOutOnOneInstanceEndsTheSessionOnTheOther() {
        Device onA = new Device(port(instanceA));
        provider.signIn(onA, "sub-out", "out@example.org", "Out Person");
        Device onB = sameBrowserOn(onA, instanceB);
        assertThat(onB.get("/").html().select("h1").text()).contains("my_ballots");

        assertThat(onA.post("/auth/logout").status()).isEqualTo(303);

        Device staleOnB = new Device(port(instanceB));
        staleOnB.setCookie("oponn_session", onB.cookie("oponn_session"));
        Response fragment = staleOnB.getHtmx("/create");
        assertThat(fragment.status()).isEqualTo(401);
        assertThat(fragment.header("HX-Redirect")).isEqualTo("/login?expired");
    }

    @Test
    void withMockSignInSwitchedOffThereIsNoFormAndNoRoute() {
        Device device = new Device(port(instanceA));
        assertThat(device.get("/login").html().select("#mock-sign-in")).isEmpty();
        assertThat(device.get("/login").html().select("a[href=/auth/login/google]"))
                .hasSize(1);
        assertThat(device.post("/auth/mock-sign-in", "name", "intruder").status())
                .isEqualTo(404);
        assertThat(device.cookie("oponn_session")).isNull();
    }

    /** The same browser (same cookies) talking to another instance. */
    private static Device sameBrowserOn(Device from, ConfigurableApplicationContext instance) {
        Device device = new Device(port(instance));
        for (String name : List.of("oponn_session", "oponn_csrf_token")) {
            String value = from.cookie(name);
            if (value != null) {
                device.setCookie(name, value);
            }
        }
        return device;
    }

    private static int port(ConfigurableApplicationContext instance) {
        return Integer.parseInt(instance.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static ConfigurableApplicationContext start(String secret) {
        Path dataDir = FreshDatabase.tempDir();
        dataDirs.add(dataDir);
        List<String> args = new ArrayList<>();
        Map<String, Object> properties = new java.util.HashMap<>(database.properties());
        properties.putAll(provider.properties());
        properties.put("oponn.data-dir", dataDir.toString());
        properties.put("oponn.secret-key", secret);
        properties.put("oponn.redis.url", "redis://127.0.0.1:6379");
        properties.put("oponn.session.redis-namespace", NAMESPACE);
        properties.put("oponn.session.idle-timeout", "30m");
        properties.put("oponn.auth.mock-sign-in", "false");
        properties.put("server.port", "0");
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(OponnApplication.class).run(args.toArray(String[]::new));
    }
}
