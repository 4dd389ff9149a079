package dittospark.engine;

import dittospark.media.FfmpegCli;
import dittospark.media.MediaFrames;
import dittospark.media.Samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Short renders with the demo models for tests that compare options: each distinct request is
 * rendered once (tests share them) and decoded by the ffmpeg command, not by our own reader.
 */
final class DemoRenders implements AutoCloseable {
    /** A finished render: the engine's result, the mp4, and every decoded frame as RGB bytes. */
    record Rendered(RenderResult result, Path file, int width, int height, List<byte[]> frames) {
        byte[] frame(int i) {
            return frames.get(i);
        }

        int last() {
            return frames.size() - 1;
        }
    }

    private static final long SEED = 7;

    private final RenderEngine engine;
    private final Path work;
    private final Map<String, Rendered> done = new HashMap<>();

    DemoRenders(RenderEngine engine) throws IOException {
        this.engine = engine;
        this.work = Files.createTempDirectory("options-");
    }

    /** The sample speech from {@code from} seconds on, {@code seconds} long, as a 24 kHz wave file. */
    Path speech(double from, double seconds) {
        return Samples.speech(work, from, seconds);
    }

    Rendered render(Path source, Path audio, String options) throws Exception {
        String key = source + "|" + audio + "|" + options;
        Rendered cached = done.get(key);
        if (cached != null) {
            return cached;
        }
        Path out = work.resolve("render-" + done.size() + ".mp4");
        RenderResult result = engine.render(RenderRequest.builder().source(source).audio(audio).output(out)
                .options(RenderOptions.parse(options)).seed(SEED).build(), RenderProgress.NONE);
        var video = FfmpegCli.stream(FfmpegCli.probe(out), "video");
        Rendered rendered = new Rendered(result, out, video.path("width").asInt(), video.path("height").asInt(),
                MediaFrames.rgb(out));
        done.put(key, rendered);
        return rendered;
    }

    @Override
    public void close() throws IOException {
        engine.close();
        try (var files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
