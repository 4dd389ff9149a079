package dittospark.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The WebSocket: a client hears of the renders it asked for, and resumes after a reconnect. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventsTest {
    private AvatarServer server;
    private Api api;
    private Events asker;
    private String client;
    private String id;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        server = TestServer.in(work).start();
        api = new Api(server);
        asker = Events.open(server);
        client = asker.await("welcome", null).path("data").path("client").asText();
        id = api.submit("{\"audio\": \"speech.wav\", \"client\": \"" + client + "\"}");
        asker.await("video_ready", id);
    }

    @AfterAll
    void stop() throws Exception {
        if (asker != null) {
            asker.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theWelcomeNamesTheClient() throws Exception {
        try (Events other = Events.open(server)) {
            JsonNode welcome = other.await("welcome", null);

            assertThat(welcome.path("data").path("client").asText()).as("client id").matches("[A-Za-z0-9_-]{22}")
                    .isNotEqualTo(client);
            assertThat(welcome.path("data").path("ping_seconds").asInt()).as("ping interval").isEqualTo(30);
        }
    }

    @Test
    void theClientThatAskedHearsVideoReady() throws Exception {
        JsonNode ready = asker.await("video_ready", id).path("data");

        assertThat(ready.path("video_url").asText()).as("video url").isEqualTo("/api/renders/" + id + "/video");
        assertThat(ready.path("audio_url").asText()).as("audio url").isEqualTo("/api/renders/" + id + "/audio");
        assertThat(ready.path("duration").asDouble()).as("duration").isEqualTo(1.0);
        assertThat(api.bytes(api.request(ready.path("video_url").asText()).GET()).statusCode()).as("video status")
                .isEqualTo(200);
    }

    @Test
    void theClientHearsTheFramesAsTheyAreWritten() throws Exception {
        JsonNode progress = asker.await(e -> e.path("type").asText().equals("progress")
                && e.path("data").path("id").asText().equals(id) && e.path("data").path("frames_done").asInt() > 0);

        assertThat(progress.path("data").path("status").asText()).as("status").isEqualTo("RUNNING");
        assertThat(progress.path("data").path("frames_total").asInt()).as("frames total").isEqualTo(25);
    }

    @Test
    void theClientHearsOfEachLiveSegment() throws Exception {
        // segments are told before the video is ready, or not at all
        JsonNode first = asker.await(e -> e.path("data").path("id").asText().equals(id)
                && e.path("type").asText().matches("segment|video_ready"));
        JsonNode segment = first.path("data");

        assertThat(first.path("type").asText()).as("first of segment and video_ready").isEqualTo("segment");
        assertThat(segment.path("index").asInt()).as("first segment").isZero();
        assertThat(segment.path("playlist_url").asText()).as("playlist").endsWith("/live/live.m3u8");
    }

    @Test
    void aSubscriberToAllHearsEveryRender() throws Exception {
        try (Events watcher = Events.open(server)) {
            watcher.await("welcome", null);
            watcher.send("{\"type\": \"subscribe\", \"all\": true}");
            watcher.send("{\"type\": \"ping\"}");
            watcher.await("pong", null);
            String other = api.submit("{\"audio\": \"speech.wav\"}");

            assertThat(watcher.await("video_ready", other).path("data").path("id").asText()).as("render heard of")
                    .isEqualTo(other);
        }
    }

    @Test
    void aReconnectingClientKeepsItsIdAndHearsWhereItsRendersStand() throws Exception {
        try (Events again = Events.open(server.uri(), "client=" + client, null)) {
            JsonNode welcome = again.await("welcome", null);
            again.send("{\"type\": \"resume\", \"renders\": [\"" + id + "\"]}");

            assertThat(welcome.path("data").path("client").asText()).as("client id").isEqualTo(client);
            assertThat(again.await("video_ready", id).path("data").path("duration").asDouble()).as("replayed duration")
                    .isEqualTo(1.0);
        }
    }

    @Test
    void aPingIsAnsweredWithAPong() throws Exception {
        try (Events other = Events.open(server)) {
            other.send("{\"type\": \"ping\"}");

            assertThat(other.await("pong", null).path("type").asText()).as("answer").isEqualTo("pong");
        }
    }

    @Test
    void anUnknownMessageGetsAnError() throws Exception {
        try (Events other = Events.open(server)) {
            other.send("{\"type\": \"shout\"}");

            assertThat(other.await("error", null).path("data").path("message").asText()).as("message")
                    .contains("unknown message type 'shout'");
        }
    }
}
