package dittospark.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code DELETE /api/renders/{id}} of a running render: its worker is interrupted and the render stops. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CancelRunningTest {
    /** Long enough that a render is still running when the test cancels it. */
    private static final String LONG = "{\"audio\": \"long.wav\"}";

    private AvatarServer server;
    private Api api;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        TestServer setup = TestServer.in(work);
        server = setup.start();
        TestServer.speech(setup.root().resolve("long.wav"), 6.0);
        api = new Api(server);
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aRunningRenderIsInterruptedAndLeavesNoVideo() throws Exception {
        String running = api.submit(LONG);
        api.awaitStatus(running, "RUNNING");

        HttpResponse<String> r = api.delete("/api/renders/" + running);
        JsonNode end = api.awaitEnd(running);

        assertThat(r.statusCode()).as("status code (%s)", r.body()).isIn(200, 202);
        assertThat(end.path("status").asText()).as("status").isEqualTo("CANCELLED");
        assertThat(end.path("frames_done").asInt()).as("frames written before the render stopped")
                .isLessThan(200);
        assertThat(api.get("/api/renders/" + running + "/video").statusCode()).as("video").isEqualTo(404);
    }

    @Test
    void theWorkerOfAnInterruptedRenderRendersTheNextOne() throws Exception {
        String running = api.submit(LONG);
        api.awaitStatus(running, "RUNNING");
        api.delete("/api/renders/" + running);
        api.awaitEnd(running);

        String next = api.submit("{\"audio\": \"speech.wav\"}");

        assertThat(api.awaitEnd(next).path("status").asText()).as("status of the next render").isEqualTo("SUCCEEDED");
    }
}
