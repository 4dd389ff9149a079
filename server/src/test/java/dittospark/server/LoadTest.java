package dittospark.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twenty submissions at once against one worker and a queue of eight: every request is answered, the
 * refusals are 429s with Retry-After while the queue was full, and every accepted render ends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadTest {
    private static final int REQUESTS = 20;
    private static final int WORKERS = 1;
    private static final int QUEUE = 8;

    private AvatarServer server;
    private Api api;
    private final List<HttpResponse<String>> answers = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        server = TestServer.in(work).workers(WORKERS).queue(QUEUE).start();
        api = new Api(server);
        ExecutorService clients = Executors.newFixedThreadPool(REQUESTS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            int seed = i;
            sent.add(clients.submit(() -> {
                go.await();
                return api.postJson("{\"audio\": \"speech.wav\", \"seed\": " + seed + "}");
            }));
        }
        go.countDown();
        for (Future<HttpResponse<String>> f : sent) {
            answers.add(f.get());
        }
        clients.shutdown();
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private List<HttpResponse<String>> withStatus(int status) {
        return answers.stream().filter(r -> r.statusCode() == status).toList();
    }

    @Test
    void everyRequestIsAcceptedOrRefusedAsBusy() {
        assertThat(answers).as("answers").hasSize(REQUESTS);
        assertThat(answers).as("status codes").extracting(HttpResponse::statusCode).allMatch(c -> c == 202 || c == 429);
    }

    @Test
    void aFullQueueIsTheOnlyReasonToRefuse() {
        assertThat(withStatus(202)).as("accepted: at least the worker's and the queue's places")
                .hasSizeGreaterThanOrEqualTo(WORKERS + QUEUE);
        assertThat(withStatus(429)).as("refused").isNotEmpty();
    }

    @Test
    void everyRefusalSaysWhenToRetry() throws Exception {
        for (HttpResponse<String> r : withStatus(429)) {
            assertThat(r.headers().firstValue("Retry-After").map(Long::parseLong)).as("Retry-After")
                    .hasValueSatisfying(s -> assertThat(s).isPositive());
            assertThat(Api.json(r).path("message").asText()).as("message").contains("queue is full");
        }
    }

    @Test
    void everyAcceptedRenderEndsAndNoneIsLost() throws Exception {
        List<String> ids = new ArrayList<>();
        for (HttpResponse<String> r : withStatus(202)) {
            ids.add(Api.json(r).path("id").asText());
        }
        assertThat(ids).as("ids").doesNotHaveDuplicates();
        for (String id : ids) {
            JsonNode end = api.awaitEnd(id);
            assertThat(end.path("status").asText()).as("status of %s (%s)", id, end.path("error")).isEqualTo("SUCCEEDED");
        }
    }

    @Test
    void theMetricsCountTheRefusals() throws Exception {
        assertThat(api.get("/metrics").body()).as("metrics")
                .contains("dittospark_renders_total{status=\"REJECTED\"} " + withStatus(429).size());
    }
}
