package dittospark.server.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.server.renders.ReplyWriter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The avatar's replies from an OpenAI-compatible chat-completions endpoint ({@code POST .../v1/chat/completions}):
 * the typed line goes as the user's message, the first choice's message is what the avatar says. The
 * endpoint is the operator's, fixed at start; nothing a client sends names a URL.
 */
public final class ChatClient implements ReplyWriter {
    /** Environment variables naming the model and the API key. */
    public static final String MODEL_ENV = "DITTOSPARK_CHAT_MODEL";
    public static final String KEY_ENV = "DITTOSPARK_CHAT_KEY";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_REPLY_CHARS = 600;

    private final URI endpoint;
    private final String model;
    private final String key;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public ChatClient(URI endpoint, String model, String key) {
        if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("the chat endpoint must be an http(s) URL, got " + endpoint);
        }
        this.endpoint = endpoint;
        this.model = model;
        this.key = key;
    }

    @Override
    public String reply(String line, String language) throws RenderException {
        ObjectNode body = JSON.createObjectNode().put("model", model);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", "You are a talking avatar. Answer in one or two"
                + " short spoken sentences, in the language with BCP-47 tag " + language + ", without markup.");
        messages.addObject().put("role", "user").put("content", line);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (key != null && !key.isBlank()) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw failure("the chat endpoint answered HTTP " + response.statusCode());
            }
            JsonNode content = JSON.readTree(response.body()).path("choices").path(0).path("message").path("content");
            if (!content.isTextual() || content.asText().isBlank()) {
                throw failure("the chat endpoint's answer has no choices[0].message.content");
            }
            String reply = content.asText().strip();
            return reply.length() > MAX_REPLY_CHARS ? reply.substring(0, MAX_REPLY_CHARS) : reply;
        } catch (IOException e) {
            throw failure("cannot reach the chat endpoint: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderException(ErrorKind.CANCELLED, "interrupted while waiting for the chat endpoint");
        }
    }

    private static RenderException failure(String message) {
        return new RenderException(ErrorKind.SPEECH_FAILED, message);
    }
}
