package dittospark.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Finished renders stay within the disk quota: over it, the oldest goes, files and all. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionTest {
    private AvatarServer server;
    private Api api;
    private Path renders;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        // a quota no render fits in: each goes as soon as it has ended
        server = TestServer.in(work).quota(1).start();
        api = new Api(server);
        renders = work.resolve("server").resolve("renders");
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aRenderOverTheQuotaIsRemovedOnceItEnds() throws Exception {
        try (Events events = Events.open(server)) {
            String client = events.await("welcome", null).path("data").path("client").asText();
            String id = api.submit("{\"audio\": \"speech.wav\", \"client\": \"" + client + "\"}");
            events.await(e -> e.path("data").path("id").asText().equals(id)
                    && e.path("type").asText().matches("video_ready|render_failed"));

            assertThat(api.get("/api/renders/" + id).statusCode()).as("status of the removed render").isEqualTo(404);
            assertThat(renders.resolve(id)).as("its folder").doesNotExist();
            assertThat(Files.list(renders)).as("folders left").isEmpty();
        }
    }
}
