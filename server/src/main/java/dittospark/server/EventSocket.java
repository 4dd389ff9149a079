package dittospark.server;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.server.renders.RandomIds;
import dittospark.server.renders.RenderService;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One client's WebSocket. It opens with a {@code welcome} event naming the client's id, which the client
 * sends with its renders; a client that reconnects passes {@code ?client=} to keep its id and sends
 * {@code {"type":"resume","renders":[ids]}} to hear where each render stands now.
 * {@code {"type":"subscribe","all":true}} asks for every render's events, {@code {"type":"ping"}} is
 * answered by a {@code pong}.
 */
public final class EventSocket implements Session.Listener.AutoDemanding {
    private final EventHub hub;
    private final RenderService service;
    private final String client;
    private volatile Session session;
    private volatile boolean all;

    EventSocket(EventHub hub, RenderService service, String askedClient) {
        this.hub = hub;
        this.service = service;
        this.client = RandomIds.wellFormed(askedClient) ? askedClient : RandomIds.next();
    }

    String client() {
        return client;
    }

    boolean wantsAll() {
        return all;
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        session = opened;
        hub.joined(this);
        send(RenderViews.event("welcome", JsonReplies.JSON.createObjectNode().put("client", client)
                .put("ping_seconds", EventHub.PING_SECONDS)).toString());
    }

    @Override
    public void onWebSocketText(String message) {
        JsonNode m;
        try {
            m = JsonReplies.JSON.readTree(message);
        } catch (IOException e) {
            send(error("messages must be JSON objects"));
            return;
        }
        switch (m.path("type").asText()) {
            case "resume" -> m.path("renders").forEach(id -> service.find(id.asText())
                    .ifPresent(job -> send(RenderViews.eventOf(job.state()).toString())));
            case "subscribe" -> all = m.path("all").asBoolean(false);
            case "ping" -> send(RenderViews.event("pong", JsonReplies.JSON.createObjectNode()).toString());
            default -> send(error("unknown message type '" + m.path("type").asText() + "'; known: resume, subscribe, ping"));
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        hub.left(this);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        hub.left(this);
    }

    void send(String text) {
        Session s = session;
        if (s != null && s.isOpen()) {
            s.sendText(text, Callback.NOOP);
        }
    }

    void ping() {
        Session s = session;
        if (s != null && s.isOpen()) {
            s.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
        }
    }

    private static String error(String message) {
        return RenderViews.event("error", JsonReplies.JSON.createObjectNode().put("message", message)).toString();
    }
}
