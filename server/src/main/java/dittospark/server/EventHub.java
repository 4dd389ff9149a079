package dittospark.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dittospark.server.renders.JobState;
import dittospark.server.renders.RenderJob;
import dittospark.server.renders.RenderListener;
import dittospark.server.renders.RenderStatus;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The open WebSockets, by client: a render's events go to the client that asked for it, and to every
 * socket that subscribed to all; every socket is pinged every 30 s, so that proxies keep it open and a
 * dead one is noticed.
 */
final class EventHub implements RenderListener, AutoCloseable {
    static final long PING_SECONDS = 30;

    private final Map<String, Set<EventSocket>> byClient = new ConcurrentHashMap<>();
    private final Set<EventSocket> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ws-ping");
        t.setDaemon(true);
        return t;
    });

    EventHub() {
        pinger.scheduleAtFixedRate(() -> open.forEach(EventSocket::ping), PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
    }

    void joined(EventSocket socket) {
        open.add(socket);
        byClient.computeIfAbsent(socket.client(), c -> ConcurrentHashMap.newKeySet()).add(socket);
    }

    void left(EventSocket socket) {
        open.remove(socket);
        Set<EventSocket> sockets = byClient.get(socket.client());
        if (sockets != null) {
            sockets.remove(socket);
        }
    }

    @Override
    public void progressed(RenderJob job) {
        JobState s = job.state();
        if (!s.status().terminal()) {
            tell(job.client(), RenderViews.event("progress", RenderViews.progress(s)));
        }
    }

    @Override
    public void segmentWritten(RenderJob job, int index, double endSeconds) {
        tell(job.client(), RenderViews.event("segment", RenderViews.segment(job.id(), index, endSeconds)));
    }

    @Override
    public void ended(RenderJob job) {
        JobState s = job.state();
        tell(job.client(), s.status() == RenderStatus.SUCCEEDED ? RenderViews.event("video_ready",
                RenderViews.videoReady(s)) : RenderViews.event("render_failed", RenderViews.failed(s)));
    }

    private void tell(String client, ObjectNode event) {
        String text = event.toString();
        for (EventSocket socket : open) {
            if (socket.wantsAll() || socket.client().equals(client)) {
                socket.send(text);
            }
        }
    }

    @Override
    public void close() {
        pinger.shutdownNow();
    }
}
