package dev.oponn.web;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Closes a connection whose request head (request line and headers) is not complete within
 * {@code oponn.request.head-timeout} of its first byte. Jetty bounds only the time between two reads (the idle
 * timeout), so a client that sends a header byte every few seconds held its connection, and one of Jetty's, for as
 * long as it liked: 300 such sockets stayed open for a minute. The clock starts at each request's first byte and
 * stops at the end of its headers, so a keep-alive connection waiting for its next request, a body being uploaded
 * and a live stream are all left to the idle timeout and their own limits.
 */
@Component
final class HeadTimeout implements WebServerFactoryCustomizer<JettyServletWebServerFactory> {

    private static final Logger log = LoggerFactory.getLogger(HeadTimeout.class);

    private final Duration timeout;

    HeadTimeout(RequestProperties properties) {
        this.timeout = properties.headTimeout();
    }

    @Override
    public void customize(JettyServletWebServerFactory factory) {
        factory.addServerCustomizers(server -> {
            for (Connector connector : server.getConnectors()) {
                HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
                if (http != null && connector instanceof AbstractConnector replaceable) {
                    // Same protocol: replaces Jetty's HTTP/1.1 factory in place.
                    replaceable.addConnectionFactory(new Factory(http, timeout));
                }
            }
        });
    }

    private static final class Factory extends HttpConnectionFactory {

        private final long timeoutMillis;

        Factory(HttpConnectionFactory original, Duration timeout) {
            super(original.getHttpConfiguration());
            setInputBufferSize(original.getInputBufferSize());
            setUseInputDirectByteBuffers(original.isUseInputDirectByteBuffers());
            setUseOutputDirectByteBuffers(original.isUseOutputDirectByteBuffers());
            setTransferEncodingChunkMaxLength(original.getTransferEncodingChunkMaxLength());
            this.timeoutMillis = timeout.toMillis();
        }

        @Override
        public Connection newConnection(Connector connector, EndPoint endPoint) {
            TimedConnection connection =
                    new TimedConnection(getHttpConfiguration(), connector, endPoint, timeoutMillis);
            connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
            connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
            connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
            return configure(connection, connector, endPoint);
        }
    }

    private static final class TimedConnection extends HttpConnection {

        private final long timeoutMillis;
        private volatile Scheduler.@Nullable Task deadline;

        TimedConnection(HttpConfiguration config, Connector connector, EndPoint endPoint, long timeoutMillis) {
            super(config, connector, endPoint);
            this.timeoutMillis = timeoutMillis;
        }

        /** Called by Jetty's constructor, before this class's fields are set; they are read only later. */
        @Override
        protected RequestHandler newRequestHandler() {
            return new TimedHead();
        }

        @Override
        public void onClose(@Nullable Throwable cause) {
            stopClock();
            super.onClose(cause);
        }

        private void startClock() {
            stopClock();
            deadline = getConnector().getScheduler().schedule(this::expire, timeoutMillis, TimeUnit.MILLISECONDS);
        }

        private void stopClock() {
            Scheduler.Task running = deadline;
            if (running != null) {
                running.cancel();
                deadline = null;
            }
        }

        private void expire() {
            log.atDebug()
                    .setMessage("request.head_timed_out")
                    .addKeyValue("remote", getEndPoint().getRemoteSocketAddress())
                    .addKeyValue("timeout_ms", timeoutMillis)
                    .log();
            getEndPoint().close(new TimeoutException("request head not received within " + timeoutMillis + " ms"));
        }

        private final class TimedHead extends RequestHandler {

            /** The first byte of a request (Jetty skips blank lines between requests before it). */
            @Override
            public void messageBegin() {
                startClock();
                super.messageBegin();
            }

            @Override
            public boolean headerComplete() {
                stopClock();
                return super.headerComplete();
            }

            @Override
            public void badMessage(HttpException failure) {
                stopClock();
                super.badMessage(failure);
            }

            @Override
            public void earlyEOF() {
                stopClock();
                super.earlyEOF();
            }
        }
    }
}
