package dittospark.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The live folder of a render, as {@code /api/renders/{id}/live/} serves it: the playlist, init and segments only. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveFilesTest {
    private AvatarServer server;
    private Api api;
    private String id;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        TestServer setup = TestServer.in(work);
        server = setup.start();
        TestServer.speech(setup.root().resolve("three.wav"), 3.0);
        api = new Api(server);
        id = api.submit("{\"audio\": \"three.wav\"}");
        api.awaitEnd(id);
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private String live(String name) {
        return "/api/renders/" + id + "/live/" + name;
    }

    @Test
    void thePlaylistListsSegmentsThatAreServed() throws Exception {
        HttpResponse<String> playlist = api.get(live("live.m3u8"));
        List<String> segments = playlist.body().lines().filter(l -> l.startsWith("segment_")).toList();

        assertThat(playlist.statusCode()).as("playlist status").isEqualTo(200);
        assertThat(playlist.headers().firstValue("Content-Type")).as("playlist type").hasValueSatisfying(
                t -> assertThat(t).startsWith("application/vnd.apple.mpegurl"));
        assertThat(playlist.body()).as("playlist").contains("#EXT-X-PLAYLIST-TYPE:EVENT", "#EXT-X-ENDLIST");
        assertThat(segments).as("segments of 3 s at about 1 s each").hasSizeBetween(2, 4);
        for (String segment : segments) {
            HttpResponse<byte[]> r = api.bytes(api.request(live(segment)).GET());
            assertThat(r.statusCode()).as(segment + " status").isEqualTo(200);
            assertThat(r.body()).as(segment + " bytes").isNotEmpty();
        }
        assertThat(api.bytes(api.request(live("init.mp4")).GET()).statusCode()).as("init segment").isEqualTo(200);
    }

    @Test
    void otherNamesAreNotServed() throws Exception {
        assertThat(api.get(live("segment_99999.m4s")).statusCode()).as("a segment never written").isEqualTo(404);
        assertThat(api.get(live("notes.txt")).statusCode()).as("another name").isEqualTo(404);
        assertThat(api.get(live("..%2Fvideo.mp4")).statusCode()).as("a way out").isIn(400, 404);
    }
}
