package dev.oponn.web;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.springframework.boot.jetty.autoconfigure.JettyServerProperties;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Bounds every request body in Jetty, in front of the servlet layer, so that a refusal costs no more than reading
 * what was sent. Jetty's {@link SizeLimitHandler} answers 413 to a body over
 * {@code server.jetty.max-http-form-post-size}: at once when its declared length is over, as soon as the bytes read
 * are when it declares none (chunked). In front of the application, every form body is then read here and its values
 * counted on the raw bytes ({@link FormValueCounter}), with those of the query string: more than
 * {@code server.jetty.max-form-keys} is a 400 before any parameter map is built. (Jetty's own key limit counts
 * distinct names, so ten thousand {@code p=} passed it, and building their map took half a second of CPU.)
 * The body read here is handed on unchanged. Refusals go through Jetty's error handler, {@link ContainerErrorPage}.
 */
@Component
final class RequestBodyLimits implements WebServerFactoryCustomizer<JettyServletWebServerFactory> {

    private final long maxBytes;
    private final int maxValues;

    RequestBodyLimits(JettyServerProperties jetty) {
        this.maxBytes = jetty.getMaxHttpFormPostSize().toBytes();
        this.maxValues = jetty.getMaxFormKeys();
    }

    @Override
    public void customize(JettyServletWebServerFactory factory) {
        factory.addServerCustomizers(server -> {
            FormValueLimit forms = new FormValueLimit(maxValues);
            forms.setHandler(server.getHandler());
            SizeLimitHandler sizes = new SizeLimitHandler(maxBytes, -1);
            sizes.setHandler(forms);
            server.setHandler(sizes);
        });
    }

    private static final class FormValueLimit extends Handler.Wrapper {

        private static final String FORM = "application/x-www-form-urlencoded";

        private final int maxValues;

        FormValueLimit(int maxValues) {
            this.maxValues = maxValues;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            FormValueCounter counter = new FormValueCounter();
            String query = request.getHttpURI().getQuery();
            if (query != null) {
                counter.add(query);
            }
            if (!isForm(request)) {
                return counter.values() > maxValues
                        ? refuse(request, response, callback, HttpStatus.BAD_REQUEST_400)
                        : super.handle(request, response, callback);
            }
            ByteBuffer body = ByteBuffer.allocate(initialCapacity(request));
            boolean last = false;
            while (!last) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    try (Blocker.Runnable blocker = Blocker.runnable()) {
                        request.demand(blocker);
                        blocker.block();
                    }
                    continue;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    return refuse(request, response, callback, statusOf(chunk.getFailure()));
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                counter.add(bytes);
                // Once refused, the rest is still read (the size limit bounds it), not kept: a client whose body
                // is left unread gets its connection reset and may never see the answer.
                if (counter.values() <= maxValues) {
                    body = append(body, bytes);
                }
                last = chunk.isLast();
                chunk.release();
            }
            if (counter.values() > maxValues) {
                return refuse(request, response, callback, HttpStatus.BAD_REQUEST_400);
            }
            return super.handle(new Replayed(request, body.flip()), response, callback);
        }

        private static boolean refuse(Request request, Response response, Callback callback, int status) {
            Response.writeError(request, response, callback, status);
            return true;
        }

        /** 413 from the size limit; anything else that broke the body (a bad chunk, a reset) is the client's. */
        private static int statusOf(Throwable failure) {
            return failure instanceof HttpException http ? http.getCode() : HttpStatus.BAD_REQUEST_400;
        }

        private static boolean isForm(Request request) {
            String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
            return type != null && type.regionMatches(true, 0, FORM, 0, FORM.length());
        }

        private static int initialCapacity(Request request) {
            long declared = request.getLength();
            return declared >= 0 && declared <= Integer.MAX_VALUE ? (int) declared : 4096;
        }

        private static ByteBuffer append(ByteBuffer body, ByteBuffer bytes) {
            if (body.remaining() < bytes.remaining()) {
                ByteBuffer larger =
                        ByteBuffer.allocate(Math.max(body.capacity() * 2, body.position() + bytes.remaining()));
                body = larger.put(body.flip());
            }
            return body.put(bytes);
        }
    }

    /** The request with its body already read: the application reads the same bytes from here. */
    private static final class Replayed extends Request.Wrapper {

        private Content.Chunk next;

        Replayed(Request request, ByteBuffer body) {
            super(request);
            this.next = Content.Chunk.from(body, true);
        }

        @Override
        public synchronized Content.Chunk read() {
            Content.Chunk chunk = next;
            next = Content.Chunk.EOF;
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            // Content is always available; run the callback outside the caller's stack as Jetty's sources do.
            getContext().execute(demandCallback);
        }

        @Override
        public synchronized boolean consumeAvailable() {
            next = Content.Chunk.EOF;
            return true;
        }
    }
}
