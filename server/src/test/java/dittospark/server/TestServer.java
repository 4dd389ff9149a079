package dittospark.server;

import dittospark.engine.RenderOptions;
import dittospark.media.AudioDecoder;
import dittospark.server.renders.RenderService;
import dittospark.server.renders.ReplyWriter;
import dittospark.server.renders.Retention;
import dittospark.media.WaveFiles;
import dittospark.speech.EspeakSynthesizer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real server on an ephemeral loopback port over the demo models, with small, quick renders: the
 * sample portrait at 160 px, few diffusion steps, a one-second idle loop.
 */
final class TestServer {
    static final String OPTIONS = "{\"max_size\": 160, \"sampling_timesteps\": 4}";

    private Path work;
    private String token;
    private int workers = 1;
    private int queue = 8;
    private long quota = 1L << 30;
    private long maxUpload = 4L << 20;
    private ReplyWriter writer = ReplyWriter.ECHO;

    static TestServer in(Path work) {
        TestServer s = new TestServer();
        s.work = work;
        return s;
    }

    TestServer token(String value) {
        token = value;
        return this;
    }

    TestServer workers(int n) {
        workers = n;
        return this;
    }

    TestServer queue(int n) {
        queue = n;
        return this;
    }

    TestServer quota(long bytes) {
        quota = bytes;
        return this;
    }

    TestServer writer(ReplyWriter w) {
        writer = w;
        return this;
    }

    /** The folder requests may name files in: it holds {@code speech.wav}, a second of the sample speech. */
    Path root() {
        return work.resolve("root");
    }

    AvatarServer start() throws Exception {
        Files.createDirectories(root());
        speech(root().resolve("speech.wav"), 1.0);
        ServerSettings http = new ServerSettings("127.0.0.1", 0, token, sample("portrait.png"), List.of(root()),
                maxUpload, RenderOptions.parse(OPTIONS), 1.0);
        RenderService.Settings renders = new RenderService.Settings(workers, queue, work.resolve("server"),
                new Retention(Duration.ofHours(1), quota));
        return AvatarServer.start(http, renders, new AvatarServer.Engine(models(), "cpu"), new EspeakSynthesizer(),
                writer, Math.max(workers, Runtime.getRuntime().availableProcessors()));
    }

    static Path sample(String name) {
        return Path.of(System.getProperty("samples.dir", "../samples"), name);
    }

    /** {@code seconds} of the sample speech as a wave file. */
    static Path speech(Path target, double seconds) throws Exception {
        return WaveFiles.write(AudioDecoder.decode(sample("speech_24k.wav")), seconds, target);
    }

    private static Path models() {
        Path dir = Path.of(System.getProperty("demo.models.dir", "../models/target/demo-models"));
        if (!Files.isDirectory(dir.resolve("ditto_onnx"))) {
            throw new IllegalStateException("no demo model set in " + dir.toAbsolutePath()
                    + "; build the models module first (mvn -pl models process-classes)");
        }
        return dir;
    }
}
