package dev.oponn.web;

import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.springframework.boot.jetty.autoconfigure.JettyServerProperties;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Two settings Jetty's defaults get wrong for Oponn, both seen in the benchmark.
 *
 * <p>Threads: with {@code spring.threads.virtual.enabled}, Spring Boot gives Jetty a pool of virtual threads for
 * everything, its selector and acceptor included, so that the loop that reads every socket queues behind request
 * handlers on the same two carrier threads: the vote p99 at half load went from 15 ms to 60-100 ms. Here the
 * selector and acceptor keep platform threads and each request still runs on a virtual thread of its own.
 *
 * <p>Backlog: Jetty listens with the JDK's default backlog of 50 connections. When a crowd opens the results page
 * at once (a link shared in a chat), the connections beyond that wait in SYN retries of 1, 3, 7, 15 s before Jetty
 * even sees them. A deep queue lets the kernel hold them until the acceptor takes them; the kernel caps it at
 * {@code net.core.somaxconn}.
 */
@Component
final class JettyTuning implements WebServerFactoryCustomizer<JettyServletWebServerFactory>, Ordered {

    static final int ACCEPT_QUEUE = 4096;

    private final JettyServerProperties properties;

    JettyTuning(JettyServerProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(JettyServletWebServerFactory factory) {
        JettyServerProperties.Threads threads = properties.getThreads();
        QueuedThreadPool pool = new QueuedThreadPool(threads.getMax(), threads.getMin());
        pool.setName("jetty");
        pool.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("request-"));
        factory.setThreadPool(pool);
        factory.addServerCustomizers(server -> {
            for (var connector : server.getConnectors()) {
                if (connector instanceof ServerConnector listening) {
                    listening.setAcceptQueueSize(ACCEPT_QUEUE);
                }
            }
        });
    }

    /** After Spring Boot's own customizers, whose all-virtual pool this replaces. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
