package dittospark.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code DELETE /api/renders/{id}} of a queued render: it leaves the queue at once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CancelQueuedTest {
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
    void aQueuedRenderIsCancelledAtOnceAndTheOneAheadStillFinishes() throws Exception {
        String ahead = api.submit(LONG);
        String queued = api.submit("{\"audio\": \"speech.wav\"}");

        HttpResponse<String> r = api.delete("/api/renders/" + queued);

        assertThat(r.statusCode()).as("status code (%s)", r.body()).isEqualTo(200);
        assertThat(Api.json(r).path("status").asText()).as("status").isEqualTo("CANCELLED");
        assertThat(Api.json(r).path("error_kind").asText()).as("error kind").isEqualTo("CANCELLED");
        assertThat(api.get("/api/renders/" + queued + "/video").statusCode()).as("video of the cancelled").isEqualTo(404);
        assertThat(api.awaitEnd(ahead).path("status").asText()).as("status of the one ahead").isEqualTo("SUCCEEDED");
    }
}
