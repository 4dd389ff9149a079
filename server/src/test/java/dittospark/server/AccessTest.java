package dittospark.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A server with a token: every API and WebSocket call needs it; the page and /healthz do not. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTest {
    private static final String TOKEN = "s3cret-token";

    private AvatarServer server;
    private Api anonymous;
    private Api authorized;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        server = TestServer.in(work).token(TOKEN).start();
        anonymous = new Api(server);
        authorized = new Api(server.uri(), TOKEN);
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theApiWithoutTheTokenIs401() throws Exception {
        HttpResponse<String> post = anonymous.postJson("{\"audio\": \"speech.wav\"}");

        assertThat(post.statusCode()).as("POST").isEqualTo(401);
        assertThat(post.headers().firstValue("WWW-Authenticate")).as("challenge").hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer"));
        assertThat(anonymous.get("/metrics").statusCode()).as("metrics").isEqualTo(401);
        assertThat(anonymous.get("/api/idle/video").statusCode()).as("idle video").isEqualTo(401);
    }

    @Test
    void aWrongTokenIs401() throws Exception {
        assertThat(new Api(server.uri(), "guess").postJson("{\"audio\": \"speech.wav\"}").statusCode()).as("POST")
                .isEqualTo(401);
    }

    @Test
    void theBearerTokenOpensTheApi() throws Exception {
        String id = authorized.submit("{\"audio\": \"speech.wav\"}");

        assertThat(authorized.awaitEnd(id).path("status").asText()).as("status").isEqualTo("SUCCEEDED");
    }

    @Test
    void aGetMayCarryTheTokenInItsQuery() throws Exception {
        assertThat(anonymous.get("/metrics?token=" + TOKEN).statusCode()).as("metrics").isEqualTo(200);
    }

    @Test
    void aPostMayNot() throws Exception {
        HttpResponse<String> r = anonymous.send(anonymous.request("/api/renders?token=" + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"audio\": \"speech.wav\"}")));

        assertThat(r.statusCode()).as("POST").isEqualTo(401);
    }

    @Test
    void thePageAndHealthStayOpen() throws Exception {
        assertThat(anonymous.get("/").statusCode()).as("page").isEqualTo(200);
        assertThat(anonymous.get("/page/app.js").statusCode()).as("script").isEqualTo(200);
        assertThat(anonymous.get("/healthz").statusCode()).as("health").isEqualTo(200);
    }

    @Test
    void aWebSocketWithoutTheTokenIsRefused() {
        URI ws = URI.create("ws://" + server.uri().getAuthority() + "/ws");

        assertThatThrownBy(() -> HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(ws, new WebSocket.Listener() { }).join())
                .as("handshake").isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).as("status code").isEqualTo(401));
    }

    @Test
    void aWebSocketOpensWithTheTokenInItsQuery() throws Exception {
        try (Events events = Events.open(server.uri(), "token=" + TOKEN, null)) {
            assertThat(events.await("welcome", null).path("type").asText()).as("first event").isEqualTo("welcome");
        }
    }

    @Test
    void aWebSocketOpensWithTheTokenInItsHeader() throws Exception {
        try (Events events = Events.open(server.uri(), "", "Bearer " + TOKEN)) {
            assertThat(events.await("welcome", null).path("type").asText()).as("first event").isEqualTo("welcome");
        }
    }
}
