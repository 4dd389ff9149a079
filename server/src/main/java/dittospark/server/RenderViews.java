package dittospark.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dittospark.server.renders.JobState;
import dittospark.server.renders.RenderStatus;

import java.time.Duration;
import java.time.Instant;

/** The JSON a client sees of a render: in replies of the API and in WebSocket events. */
final class RenderViews {
    private RenderViews() {
    }

    static String base(String id) {
        return "/api/renders/" + id;
    }

    static String videoUrl(String id) {
        return base(id) + "/video";
    }

    static String audioUrl(String id) {
        return base(id) + "/audio";
    }

    static String playlistUrl(String id) {
        return base(id) + "/live/" + LiveFiles.PLAYLIST;
    }

    static ObjectNode links(String id) {
        ObjectNode links = JsonReplies.JSON.createObjectNode();
        links.put("self", base(id)).put("video", videoUrl(id)).put("audio", audioUrl(id))
                .put("live", playlistUrl(id)).put("events", "/ws");
        return links;
    }

    /** What {@code POST /api/renders} answers. */
    static ObjectNode accepted(JobState s) {
        ObjectNode body = JsonReplies.JSON.createObjectNode().put("id", s.id()).put("status", s.status().name());
        body.set("links", links(s.id()));
        return body;
    }

    /** What {@code GET /api/renders/{id}} answers. */
    static ObjectNode status(JobState s) {
        ObjectNode body = progress(s);
        body.put("segments", s.segments()).put("duration", s.duration()).put("cancel_requested", s.cancelRequested());
        ObjectNode timings = body.putObject("timings");
        timings.put("created", s.created().toString());
        timings.put("started", s.started() == null ? null : s.started().toString());
        timings.put("ended", s.ended() == null ? null : s.ended().toString());
        timings.put("queued_s", seconds(s.created(), s.started() != null ? s.started() : s.ended()));
        timings.put("running_s", s.started() == null ? null : seconds(s.started(), s.ended()));
        timings.put("render_s", s.renderSeconds());
        body.put("error_kind", s.errorKind() == null ? null : s.errorKind().name());
        body.put("error", s.error());
        body.set("links", links(s.id()));
        return body;
    }

    /** The {@code progress} event's data (and the start of a status). */
    static ObjectNode progress(JobState s) {
        return JsonReplies.JSON.createObjectNode().put("id", s.id()).put("status", s.status().name())
                .put("frames_done", s.framesDone()).put("frames_total", s.framesTotal());
    }

    /** The {@code video_ready} event's data. */
    static ObjectNode videoReady(JobState s) {
        return JsonReplies.JSON.createObjectNode().put("id", s.id()).put("video_url", videoUrl(s.id()))
                .put("audio_url", audioUrl(s.id())).put("duration", s.duration());
    }

    /** The {@code render_failed} event's data: failed or cancelled. */
    static ObjectNode failed(JobState s) {
        return JsonReplies.JSON.createObjectNode().put("id", s.id()).put("status", s.status().name())
                .put("error_kind", s.errorKind() == null ? null : s.errorKind().name()).put("error", s.error());
    }

    static ObjectNode segment(String id, int index, double endSeconds) {
        return JsonReplies.JSON.createObjectNode().put("id", id).put("index", index).put("end_seconds", endSeconds)
                .put("playlist_url", playlistUrl(id));
    }

    /** The event that tells where a render stands now: for a client that resumes after a reconnect. */
    static ObjectNode eventOf(JobState s) {
        if (s.status() == RenderStatus.SUCCEEDED) {
            return event("video_ready", videoReady(s));
        }
        return s.status().terminal() ? event("render_failed", failed(s)) : event("progress", progress(s));
    }

    static ObjectNode event(String type, ObjectNode data) {
        ObjectNode event = JsonReplies.JSON.createObjectNode().put("type", type);
        event.set("data", data);
        return event;
    }

    private static Double seconds(Instant from, Instant to) {
        return to == null ? null : Duration.between(from, to).toNanos() / 1e9;
    }
}
