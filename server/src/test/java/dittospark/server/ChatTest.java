package dittospark.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.server.chat.ChatClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Replies written by a chat-completions endpoint: a tiny fake one on a real loopback HTTP server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatTest {
    private static final String REPLY = "Hello there, nice to meet you.";

    private HttpServer fake;
    private final List<JsonNode> asked = new CopyOnWriteArrayList<>();
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private URI endpoint;

    @BeforeAll
    void startFake() throws Exception {
        fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/v1/chat/completions", exchange -> {
            asked.add(Api.JSON.readTree(exchange.getRequestBody()));
            keys.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = ("{\"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": \"" + REPLY + "\"}}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        fake.createContext("/broken", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        fake.start();
        endpoint = URI.create("http://127.0.0.1:" + fake.getAddress().getPort() + "/v1/chat/completions");
    }

    @AfterAll
    void stopFake() {
        fake.stop(0);
    }

    @Test
    void theFirstChoiceIsTheReply() throws Exception {
        String reply = new ChatClient(endpoint, "tiny-model", "k3y").reply("how are you?", "en");

        JsonNode request = asked.get(asked.size() - 1);
        assertThat(reply).as("reply").isEqualTo(REPLY);
        assertThat(request.path("model").asText()).as("model").isEqualTo("tiny-model");
        assertThat(request.path("messages").path(1).path("content").asText()).as("user message").isEqualTo("how are you?");
        assertThat(keys.get(keys.size() - 1)).as("Authorization").isEqualTo("Bearer k3y");
    }

    @Test
    void anEndpointThatFailsFailsTheSpeech() {
        URI broken = endpoint.resolve("/broken");

        assertThatThrownBy(() -> new ChatClient(broken, "m", null).reply("hi", "en")).as("reply")
                .isInstanceOfSatisfying(RenderException.class,
                        e -> assertThat(e.kind()).as("kind").isEqualTo(ErrorKind.SPEECH_FAILED))
                .hasMessageContaining("503");
    }

    @Test
    void theAvatarSaysTheChatsReply(@TempDir Path work) throws Exception {
        try (AvatarServer server = TestServer.in(work).writer(new ChatClient(endpoint, "tiny-model", null)).start()) {
            Api api = new Api(server);
            int before = asked.size();
            String id = api.submit("{\"text\": \"say hello\", \"language\": \"en\"}");

            assertThat(api.awaitEnd(id).path("status").asText()).as("status").isEqualTo("SUCCEEDED");
            assertThat(asked.subList(before, asked.size())).as("chat requests").hasSize(1)
                    .allSatisfy(r -> assertThat(r.path("messages").path(1).path("content").asText()).isEqualTo("say hello"));
        }
    }
}
