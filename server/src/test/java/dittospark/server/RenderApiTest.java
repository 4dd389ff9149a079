package dittospark.server;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.media.DecodedAudio;
import dittospark.media.WaveFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The render API of a real server on a loopback port, through a real HTTP client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenderApiTest {
    private Path work;
    private TestServer setup;
    private AvatarServer server;
    private Api api;
    /** One render of the sample speech, made once for the tests that read a finished render. */
    private String done;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        work = dir;
        setup = TestServer.in(work);
        server = setup.start();
        api = new Api(server);
        done = api.submit("{\"audio\": \"speech.wav\", \"seed\": 3}");
        api.awaitEnd(done);
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSubmissionIsAcceptedWithItsIdStatusAndLinks() throws Exception {
        HttpResponse<String> r = api.postJson("{\"audio\": \"speech.wav\"}");
        JsonNode body = Api.json(r);

        assertThat(r.statusCode()).as("status code").isEqualTo(202);
        assertThat(body.path("id").asText()).as("id").matches("[A-Za-z0-9_-]{22}");
        assertThat(body.path("status").asText()).as("status").isIn("QUEUED", "RUNNING");
        assertThat(body.path("links").path("video").asText()).as("video link")
                .isEqualTo("/api/renders/" + body.path("id").asText() + "/video");
        assertThat(r.headers().firstValue("Location")).as("Location").hasValue("/api/renders/" + body.path("id").asText());
    }

    @Test
    void aFinishedRenderReportsItsFramesTimingsAndDuration() throws Exception {
        JsonNode s = Api.json(api.get("/api/renders/" + done));

        assertThat(s.path("status").asText()).as("status (error: %s)", s.path("error")).isEqualTo("SUCCEEDED");
        assertThat(s.path("frames_done").asInt()).as("frames done").isEqualTo(s.path("frames_total").asInt()).isEqualTo(25);
        assertThat(s.path("duration").asDouble()).as("duration").isEqualTo(1.0);
        assertThat(s.path("timings").path("render_s").asDouble()).as("render seconds").isPositive();
        assertThat(s.path("error_kind").isNull()).as("no error kind").isTrue();
    }

    @Test
    void theVideoIsAnH264Mp4WithTheSpeech() throws Exception {
        Path file = work.resolve("fetched.mp4");
        HttpResponse<byte[]> r = api.bytes(api.request("/api/renders/" + done + "/video").GET());
        Files.write(file, r.body());

        JsonNode probe = Ffprobe.probe(file);
        assertThat(r.headers().firstValue("Content-Type")).as("content type").hasValue("video/mp4");
        assertThat(Ffprobe.stream(probe, "video").path("codec_name").asText()).as("video codec").isEqualTo("h264");
        assertThat(Ffprobe.stream(probe, "video").path("nb_read_frames").asInt()).as("decoded frames").isEqualTo(25);
        assertThat(Ffprobe.stream(probe, "audio").path("codec_name").asText()).as("audio codec").isEqualTo("aac");
    }

    @Test
    void aRangeRequestGetsThoseBytesWith206() throws Exception {
        byte[] whole = api.bytes(api.request("/api/renders/" + done + "/video").GET()).body();
        HttpResponse<byte[]> r = api.bytes(api.request("/api/renders/" + done + "/video").header("Range", "bytes=100-199").GET());

        assertThat(r.statusCode()).as("status code").isEqualTo(206);
        assertThat(r.headers().firstValue("Content-Range")).as("Content-Range").hasValue("bytes 100-199/" + whole.length);
        assertThat(r.body()).as("bytes").isEqualTo(java.util.Arrays.copyOfRange(whole, 100, 200));
    }

    @Test
    void aRangePastTheEndIs416() throws Exception {
        HttpResponse<byte[]> r = api.bytes(api.request("/api/renders/" + done + "/video")
                .header("Range", "bytes=999999999-").GET());

        assertThat(r.statusCode()).as("status code").isEqualTo(416);
    }

    @Test
    void theVideoAnnouncesThatItTakesRanges() throws Exception {
        HttpResponse<String> r = api.send(api.request("/api/renders/" + done + "/video")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(r.statusCode()).as("status code").isEqualTo(200);
        assertThat(r.headers().firstValue("Accept-Ranges")).as("Accept-Ranges").hasValue("bytes");
    }

    @Test
    void theSpeechIsServedAtTheAudioLink() throws Exception {
        HttpResponse<byte[]> r = api.bytes(api.request("/api/renders/" + done + "/audio").GET());

        assertThat(r.statusCode()).as("status code").isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).as("content type").hasValue("audio/wav");
        assertThat(r.body()).as("the root's speech file").isEqualTo(Files.readAllBytes(setup.root().resolve("speech.wav")));
    }

    @Test
    void aLineOfTextIsSpokenPaddedAndRendered() throws Exception {
        JsonNode end = api.awaitEnd(api.submit("{\"text\": \"Hello from the server.\", \"language\": \"en\"}"));
        HttpResponse<byte[]> speech = api.bytes(api.request(end.path("links").path("audio").asText()).GET());

        assertThat(end.path("status").asText()).as("status (%s)", end.path("error")).isEqualTo("SUCCEEDED");
        assertThat(end.path("duration").asDouble()).as("duration: the speech and its 0.25 s of padding")
                .isGreaterThan(0.25 + 0.3);
        assertThat(speech.headers().firstValue("Content-Type")).as("speech type").hasValue("audio/wav");
    }

    @Test
    void aLanguageWithoutAVoiceFailsTheRenderWithSpeechFailed() throws Exception {
        JsonNode end = api.awaitEnd(api.submit("{\"text\": \"Hello\", \"language\": \"qq\"}"));

        assertThat(end.path("status").asText()).as("status").isEqualTo("FAILED");
        assertThat(end.path("error_kind").asText()).as("error kind").isEqualTo("SPEECH_FAILED");
    }

    @Test
    void aLanguageThatIsNoTagIs400() throws Exception {
        HttpResponse<String> r = api.postJson("{\"text\": \"Hello\", \"language\": \"en; rm -rf\"}");

        assertThat(r.statusCode()).as("status code").isEqualTo(400);
        assertThat(Api.json(r).path("error_kind").asText()).as("error kind").isEqualTo("SPEECH_FAILED");
    }

    @Test
    void anUnknownRenderIs404() throws Exception {
        assertThat(api.get("/api/renders/AAAAAAAAAAAAAAAAAAAAAA").statusCode()).as("unknown id").isEqualTo(404);
        assertThat(api.get("/api/renders/not-an-id").statusCode()).as("id of another shape").isEqualTo(404);
    }

    @Test
    void aBadOptionIs400WithBadOption() throws Exception {
        HttpResponse<String> r = api.postJson("{\"audio\": \"speech.wav\", \"options\": {\"sampling_timesteps\": 0}}");

        assertThat(r.statusCode()).as("status code").isEqualTo(400);
        assertThat(Api.json(r).path("error_kind").asText()).as("error kind").isEqualTo("BAD_OPTION");
        assertThat(Api.json(r).path("message").asText()).as("message").contains("sampling_timesteps");
    }

    @Test
    void anUnknownOptionIs400WithBadOption() throws Exception {
        HttpResponse<String> r = api.postJson("{\"audio\": \"speech.wav\", \"options\": {\"warp_speed\": 9}}");

        assertThat(Api.json(r).path("error_kind").asText()).as("error kind").isEqualTo("BAD_OPTION");
    }

    @Test
    void aSeedOutOfRangeIs400WithBadOption() throws Exception {
        HttpResponse<String> r = api.postJson("{\"audio\": \"speech.wav\", \"seed\": -1}");

        assertThat(r.statusCode()).as("status code").isEqualTo(400);
        assertThat(Api.json(r).path("error_kind").asText()).as("error kind").isEqualTo("BAD_OPTION");
    }

    @Test
    void neitherAudioNorTextIs400() throws Exception {
        HttpResponse<String> r = api.postJson("{\"seed\": 1}");

        assertThat(r.statusCode()).as("status code").isEqualTo(400);
        assertThat(Api.json(r).path("error_kind").asText()).as("error kind").isEqualTo("BAD_REQUEST");
    }

    @Test
    void anUnknownFieldIs400() throws Exception {
        HttpResponse<String> r = api.postJson("{\"audio\": \"speech.wav\", \"url\": \"x\"}");

        assertThat(r.statusCode()).as("status code").isEqualTo(400);
        assertThat(Api.json(r).path("message").asText()).as("message").contains("unknown field 'url'");
    }

    @Test
    void aBodyThatIsNotJsonIs400() throws Exception {
        HttpResponse<String> r = api.send(api.request("/api/renders").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{not json")));

        assertThat(r.statusCode()).as("status code").isEqualTo(400);
    }

    @Test
    void aUrlIsNeverFetched() throws Exception {
        HttpResponse<String> r = api.postJson("{\"audio\": \"speech.wav\", \"source\": \"http://127.0.0.1:1/x.png\"}");

        assertThat(r.statusCode()).as("status code").isEqualTo(400);
        assertThat(Api.json(r).path("error_kind").asText()).as("error kind").isEqualTo("UNSUPPORTED_URI");
    }

    @Test
    void aPathOutOfTheSourceRootsIsRefused() throws Exception {
        HttpResponse<String> escaping = api.postJson("{\"audio\": \"../root/../../etc/passwd\"}");
        HttpResponse<String> absolute = api.postJson("{\"audio\": \"" + setup.root().resolve("speech.wav") + "\"}");

        assertThat(escaping.statusCode()).as("status code of ..").isEqualTo(400);
        assertThat(absolute.statusCode()).as("status code of an absolute path").isEqualTo(400);
        assertThat(Api.json(absolute).path("error_kind").asText()).as("error kind").isEqualTo("UNSUPPORTED_URI");
    }

    @Test
    void anUploadedSourceAndAudioRender() throws Exception {
        Path picture = work.resolve("upload.png");
        Files.copy(TestServer.sample("portrait.png"), picture);
        HttpResponse<String> r = api.postForm(Map.of("seed", "5", "options", "{\"max_size\": 128}"),
                Map.of("source", picture, "audio", setup.root().resolve("speech.wav")));

        assertThat(r.statusCode()).as("status code (%s)", r.body()).isEqualTo(202);
        assertThat(api.awaitEnd(Api.json(r).path("id").asText()).path("status").asText()).as("status")
                .isEqualTo("SUCCEEDED");
    }

    @Test
    void anUploadOfAnotherTypeIs415() throws Exception {
        Path text = Files.writeString(work.resolve("speech.wav"), "not audio at all");
        HttpResponse<String> r = api.postForm(Map.of(), Map.of("audio", text));

        assertThat(r.statusCode()).as("status code").isEqualTo(415);
        assertThat(Api.json(r).path("error_kind").asText()).as("error kind").isEqualTo("AUDIO_UNREADABLE");
    }

    @Test
    void aBodyDeclaredOverTheLimitIs413BeforeItIsSent() throws Exception {
        // a raw request: the client announces 100 MB and waits, as the server must answer without reading it
        try (java.net.Socket socket = new java.net.Socket(server.uri().getHost(), server.uri().getPort())) {
            socket.getOutputStream().write(("POST /api/renders HTTP/1.1\r\nHost: localhost\r\nContent-Type:"
                    + " multipart/form-data; boundary=b\r\nContent-Length: 100000000\r\n\r\n").getBytes());
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes());

            assertThat(answer).as("status line").startsWith("HTTP/1.1 413");
            assertThat(answer).as("body").contains("\"error_kind\":\"TOO_LARGE\"");
        }
    }

    @Test
    void aStreamedUploadOverTheLimitIs413() throws Exception {
        // just over the limit: the client has sent it all by the time the server refuses it
        Path big = WaveFiles.write(DecodedAudio.silence(DecodedAudio.MODEL_RATE, 1, 132), 132, work.resolve("streamed.wav"));
        java.io.ByteArrayOutputStream form = new java.io.ByteArrayOutputStream();
        form.writeBytes("--b\r\nContent-Disposition: form-data; name=\"audio\"; filename=\"a.wav\"\r\n\r\n".getBytes());
        form.writeBytes(Files.readAllBytes(big));
        form.writeBytes("\r\n--b--\r\n".getBytes());
        byte[] body = form.toByteArray();
        // a body of unknown length goes chunked: only the multipart parser can tell its size
        HttpResponse<String> r = api.send(api.request("/api/renders").header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));

        assertThat(r.statusCode()).as("status code (%s)", r.body()).isEqualTo(413);
        assertThat(Api.json(r).path("error_kind").asText()).as("error kind").isEqualTo("TOO_LARGE");
    }

    @Test
    void aFinishedRenderCannotBeCancelled() throws Exception {
        HttpResponse<String> r = api.delete("/api/renders/" + done);

        assertThat(r.statusCode()).as("status code").isEqualTo(409);
        assertThat(Api.json(api.get("/api/renders/" + done)).path("status").asText()).as("status").isEqualTo("SUCCEEDED");
    }

    @Test
    void aWrongMethodIs405() throws Exception {
        HttpResponse<String> r = api.send(api.request("/api/renders").GET());

        assertThat(r.statusCode()).as("status code").isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).as("Allow").hasValue("POST");
    }

    @Test
    void healthzSaysOk() throws Exception {
        HttpResponse<String> r = api.get("/healthz");

        assertThat(r.statusCode()).as("status code").isEqualTo(200);
        assertThat(Api.json(r).path("status").asText()).as("status").isEqualTo("ok");
    }

    @Test
    void metricsAreInThePrometheusTextFormat() throws Exception {
        HttpResponse<String> r = api.get("/metrics");

        assertThat(r.headers().firstValue("Content-Type")).as("content type").hasValueSatisfying(
                t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
        assertThat(r.body()).as("metrics")
                .contains("# TYPE dittospark_queue_length gauge")
                .containsPattern("(?m)^dittospark_renders_total\\{status=\"SUCCEEDED\"} [1-9]")
                .containsPattern("(?m)^dittospark_render_seconds_count [1-9]")
                .containsPattern("(?m)^dittospark_frames_per_second [0-9.]+$")
                .containsPattern("(?m)^dittospark_model_loads_total 1$");
    }

    @Test
    void thePageIsServedWithItsPolicy() throws Exception {
        HttpResponse<String> r = api.get("/");
        HttpResponse<String> script = api.get("/page/app.js");

        assertThat(r.statusCode()).as("status code").isEqualTo(200);
        assertThat(r.body()).as("page").contains("<video", "id=\"line\"", "id=\"language\"");
        assertThat(r.headers().firstValue("Content-Security-Policy")).as("policy").hasValueSatisfying(
                p -> assertThat(p).contains("script-src 'self'"));
        assertThat(script.headers().firstValue("Content-Type")).as("script type").hasValueSatisfying(
                t -> assertThat(t).startsWith("text/javascript"));
        assertThat(api.get("/page/secrets.txt").statusCode()).as("another page file").isEqualTo(404);
    }

    @Test
    void theIdleLoopIsAVideo() throws Exception {
        Path file = work.resolve("idle.mp4");
        Files.write(file, api.bytes(api.request("/api/idle/video").GET()).body());

        assertThat(Ffprobe.stream(Ffprobe.probe(file), "video").path("nb_read_frames").asInt()).as("idle frames")
                .isEqualTo(25);
    }
}
