package dittospark.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client of a test server's {@code /ws}, keeping every event it receives. */
final class Events implements WebSocket.Listener, AutoCloseable {
    private static final Duration LIMIT = Duration.ofSeconds(120);

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    /** Opens {@code /ws} with {@code query} (may be empty), sending {@code authorization} where not null. */
    static Events open(URI server, String query, String authorization) {
        Events events = new Events();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        URI ws = URI.create("ws://" + server.getAuthority() + "/ws" + (query.isEmpty() ? "" : "?" + query));
        events.socket = b.buildAsync(ws, events).join();
        return events;
    }

    static Events open(AvatarServer server) {
        return open(server.uri(), "", null);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                received.add(Api.JSON.readTree(partial.toString()));
            } catch (Exception e) {
                throw new IllegalStateException("an event that is not JSON: " + partial, e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    /** The first event, in order of arrival, that matches; waits for it. */
    JsonNode await(Predicate<JsonNode> matching) throws InterruptedException {
        long end = System.nanoTime() + LIMIT.toNanos();
        for (JsonNode e : seen) {
            if (matching.test(e)) {
                return e;
            }
        }
        while (System.nanoTime() < end) {
            JsonNode e = received.poll(100, TimeUnit.MILLISECONDS);
            if (e != null) {
                seen.add(e);
                if (matching.test(e)) {
                    return e;
                }
            }
        }
        throw new AssertionError("no matching event within " + LIMIT + "; received " + seen);
    }

    JsonNode await(String type, String id) throws InterruptedException {
        return await(e -> e.path("type").asText().equals(type) && (id == null || e.path("data").path("id").asText().equals(id)));
    }

    /** Every event received so far, in order. */
    List<JsonNode> all() {
        received.drainTo(seen);
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
}
