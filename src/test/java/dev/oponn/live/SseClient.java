package dev.oponn.live;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A Server-Sent Events reader over {@code java.net.http}, parsing the stream as a browser's EventSource does, with
 * no thread of its own: lines arrive on the client's executor. Cheap enough to hold a thousand at once.
 */
final class SseClient implements AutoCloseable {

    /** One dispatched event. {@code id} is the last id seen, as EventSource reports it. */
    record Event(@Nullable String id, String type, String data) {

        long version() {
            return id == null ? -1 : Long.parseLong(id);
        }
    }

    private final CompletableFuture<HttpResponse.ResponseInfo> info = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    private final AtomicInteger comments = new AtomicInteger();
    private final AtomicReference<@Nullable String> retry = new AtomicReference<>();
    private final AtomicReference<Flow.@Nullable Subscription> subscription = new AtomicReference<>();
    private final AtomicReference<@Nullable Event> last = new AtomicReference<>();
    private final AtomicReference<@Nullable String> body = new AtomicReference<>();

    private SseClient() {}

    static SseClient open(HttpClient http, int port, String path, String... headers) {
        SseClient client = new SseClient();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/event-stream");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        http.sendAsync(request.GET().build(), client::subscriber).whenComplete((response, failure) -> {
            if (failure != null) {
                client.info.completeExceptionally(failure);
            }
            client.ended.complete(null);
        });
        return client;
    }

    private HttpResponse.BodySubscriber<Void> subscriber(HttpResponse.ResponseInfo response) {
        info.complete(response);
        boolean stream = response.statusCode() == 200
                && response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
        if (!stream) {
            return HttpResponse.BodySubscribers.mapping(
                    HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8), text -> {
                        body.set(text);
                        return null;
                    });
        }
        return HttpResponse.BodySubscribers.fromLineSubscriber(new Parser());
    }

    int status() {
        return responseInfo().statusCode();
    }

    HttpHeaders headers() {
        return responseInfo().headers();
    }

    private HttpResponse.ResponseInfo responseInfo() {
        try {
            return info.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no response", e);
        }
    }

    /** The body of a response that was not a stream (an error, a 204). */
    @Nullable
    String body() {
        return body.get();
    }

    List<Event> events() {
        return new ArrayList<>(events);
    }

    List<Event> messages() {
        return events.stream().filter(e -> e.type().equals("message")).toList();
    }

    @Nullable
    Event lastMessage() {
        return last.get();
    }

    long lastVersion() {
        Event event = last.get();
        return event == null ? -1 : event.version();
    }

    int comments() {
        return comments.get();
    }

    @Nullable
    String retry() {
        return retry.get();
    }

    boolean ended() {
        return ended.isDone();
    }

    /** Whether an event of this type has arrived. */
    boolean saw(String type) {
        return events().stream().anyMatch(event -> event.type().equals(type));
    }

    @Override
    public void close() {
        Flow.Subscription current = subscription.get();
        if (current != null) {
            current.cancel();
        }
    }

    /** The EventSource parsing rules: fields until a blank line, then dispatch; comments start with a colon. */
    private final class Parser implements Flow.Subscriber<String> {

        private final StringBuilder data = new StringBuilder();
        private String type = "";
        private @Nullable String lastId;
        private boolean hasData;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription.set(s);
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.isEmpty()) {
                dispatch();
                return;
            }
            if (line.startsWith(":")) {
                comments.incrementAndGet();
                return;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "data" -> {
                    data.append(value).append('\n');
                    hasData = true;
                }
                case "event" -> type = value;
                case "id" -> lastId = value;
                case "retry" -> retry.set(value);
                default -> {}
            }
        }

        private void dispatch() {
            if (hasData) {
                String text = data.substring(0, data.length() - 1);
                Event event = new Event(lastId, type.isEmpty() ? "message" : type, text);
                events.add(event);
                if (event.type().equals("message")) {
                    last.set(event);
                }
            }
            data.setLength(0);
            hasData = false;
            type = "";
        }

        @Override
        public void onError(Throwable throwable) {
            ended.complete(null);
        }

        @Override
        public void onComplete() {
            ended.complete(null);
        }
    }

    static HttpClient newHttp() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** A client whose connections come from {@code address} (any 127.x.y.z), so a test can be many clients. */
    static HttpClient newHttpFrom(String address) {
        try {
            return HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(30))
                    .localAddress(InetAddress.getByName(address))
                    .build();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
