package dittospark.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A real HTTP client of a test server: JSON and multipart requests, and waiting on a render's status. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RENDER_LIMIT = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final String token;

    Api(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    Api(AvatarServer server) {
        this(server.uri(), null);
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> bytes(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE());
    }

    HttpResponse<String> postJson(String json) throws IOException, InterruptedException {
        return send(request("/api/renders").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A multipart form of text fields and files, each file sent with the given name. */
    HttpResponse<String> postForm(Map<String, String> fields, Map<String, Path> files)
            throws IOException, InterruptedException {
        String boundary = "b" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                    + "\"\r\n\r\n" + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, Path> f : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                    + "\"; filename=\"" + f.getValue().getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(Files.readAllBytes(f.getValue()));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request("/api/renders").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** Submits {@code json} and returns the new render's id, failing where it is not accepted. */
    String submit(String json) throws IOException, InterruptedException {
        HttpResponse<String> r = postJson(json);
        if (r.statusCode() != 202) {
            throw new AssertionError("expected 202, got " + r.statusCode() + ": " + r.body());
        }
        return json(r).path("id").asText();
    }

    /** Polls the render's status until it is final; its last status. */
    JsonNode awaitEnd(String id) throws IOException, InterruptedException {
        Instant limit = Instant.now().plus(RENDER_LIMIT);
        while (Instant.now().isBefore(limit)) {
            JsonNode s = json(get("/api/renders/" + id));
            if (s.path("status").asText().matches("SUCCEEDED|FAILED|CANCELLED")) {
                return s;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("render " + id + " did not end within " + RENDER_LIMIT);
    }

    /** Polls the render's status until {@code status}. */
    JsonNode awaitStatus(String id, String status) throws IOException, InterruptedException {
        Instant limit = Instant.now().plus(RENDER_LIMIT);
        while (Instant.now().isBefore(limit)) {
            JsonNode s = json(get("/api/renders/" + id));
            if (s.path("status").asText().equals(status)) {
                return s;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("render " + id + " did not reach " + status + " within " + RENDER_LIMIT);
    }
}
