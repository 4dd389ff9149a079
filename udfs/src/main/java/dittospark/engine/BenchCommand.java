package dittospark.engine;

import dittospark.errors.RenderException;
import dittospark.image.Image;
import dittospark.image.ImageOps;
import dittospark.media.AudioDecoder;
import dittospark.media.DecodedAudio;
import dittospark.media.EncodeBaseline;
import dittospark.media.Mp4Writer;
import dittospark.media.SourceReader;
import dittospark.options.Options;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * {@code dittospark bench}: renders the sample speech onto the sample portrait (1432x1432) and onto a
 * 1080p video made from the sample clip, and prints per-stage milliseconds per frame and frames per
 * second next to an encode-only baseline of the same frames.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the render pipeline on the samples against an encode-only baseline.")
public final class BenchCommand implements Callable<Integer> {
    static final int MISSING_SAMPLES = 2;
    private static final int HD_WIDTH = 1920;
    private static final int HD_HEIGHT = 1080;

    @Option(names = "--samples", description = "folder with portrait.png, portrait_clip_3s.mp4 and speech_24k.wav "
            + "(default: the checkout's samples/, else the copies inside the jar)")
    Path samples;

    @Option(names = "--models", description = "model folder (default: the demo model set)")
    Path models;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu or cuda:N (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--seconds", description = "use only the first N seconds of the speech (default: all of it)")
    Double seconds;

    @Option(names = "--work", description = "folder for the bench's videos (default: a temporary folder)")
    Path work;

    @Option(names = "--threads", description = "threads the renders may use, divided between ONNX Runtime, OpenCV, "
            + "x264 and the frame stages (default: the available processors)")
    Integer threads;

    @Spec
    CommandSpec spec;

    private record Row(String name, RenderResult result, double encodeMsPerFrame) {
    }

    @Override
    public Integer call() throws Exception {
        ThreadBudget.install(ThreadBudget.forOneRow(RenderCommand.threadsFlag(spec, threads)));
        Path out = work != null ? Files.createDirectories(work) : Files.createTempDirectory("dittospark-bench-");
        Path dir;
        try {
            dir = samples != null ? BenchSamples.given(samples) : BenchSamples.folder(out);
        } catch (BenchSamples.MissingSamplesException e) {
            System.err.println("dittospark bench: " + e.getMessage());
            return MISSING_SAMPLES;
        }
        Path speech = speech(dir.resolve("speech_24k.wav"), out);
        Path hdVideo = hdVideo(dir.resolve("portrait_clip_3s.mp4"), out.resolve("source_1080p.mp4"));
        List<Row> rows = new ArrayList<>();
        RenderEngine engine = EngineRegistry.jvm().engine(models != null ? models : DefaultModels.demoFolder(), null,
                device).engine();
        rows.add(run(engine, "portrait 1432x1432", dir.resolve("portrait.png"), speech, out));
        rows.add(run(engine, "video 1920x1080", hdVideo, speech, out));
        System.out.print(table(rows));
        System.out.println("videos in " + out);
        return 0;
    }

    private static Row run(RenderEngine engine, String name, Path source, Path speech, Path out) throws Exception {
        Path video = out.resolve(name.replaceAll("[^A-Za-z0-9]+", "_") + ".mp4");
        System.err.println("bench: rendering " + name + " ...");
        RenderResult result = engine.render(RenderRequest.builder().source(source).audio(speech).output(video)
                .seed(0).build(), RenderProgress.NONE);
        double encode = EncodeBaseline.msPerFrame(video, out.resolve("encode_only.mp4"), new Mp4Writer.Encoding(
                Options.ENCODER_PRESET.read(Options.ENCODER_PRESET.builtIn()), ThreadBudget.jvm().encoderThreads()));
        return new Row(name, result, encode);
    }

    static String table(List<Row> rows) {
        Set<String> stages = new LinkedHashSet<>();
        rows.forEach(r -> stages.addAll(r.result().stageSeconds().keySet()));
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-20s %7s", "case (ms/frame)", "frames"));
        stages.forEach(s -> b.append(String.format(" %9s", s)));
        b.append(String.format(" %9s %9s %12s %11s %9s%n", "total", "e2e fps", "encode-only", "encode fps", "ratio"));
        for (Row r : rows) {
            int frames = r.result().frames();
            Map<String, Double> st = r.result().stageSeconds();
            b.append(String.format("%-20s %7d", r.name(), frames));
            stages.forEach(s -> b.append(String.format(" %9.1f", st.getOrDefault(s, 0.0) * 1000 / frames)));
            double total = r.result().renderSeconds() * 1000 / frames;
            b.append(String.format(" %9.1f %9.2f %12.1f %11.2f %8.1fx%n", total, r.result().fps(),
                    r.encodeMsPerFrame(), 1000 / r.encodeMsPerFrame(), total / r.encodeMsPerFrame()));
        }
        ThreadBudget t = ThreadBudget.jvm();
        b.append("provider: ").append(rows.isEmpty() ? "-" : rows.get(0).result().provider())
                .append(String.format("; threads: %d (ONNX Runtime %d, OpenCV %d, x264 %d; workers: warp %d, decode %d,"
                                + " put back %d)%n", t.cores(), t.modelThreads(), t.opencvThreads(), t.encoderThreads(),
                        t.warpWorkers(), t.decodeWorkers(), t.putBackWorkers()))
                .append("stage columns: busy time summed over a stage's workers; ratio = end-to-end time per frame"
                        + " / encode-only time per frame\n");
        return b.toString();
    }

    /** The speech, cut to {@link #seconds} when asked, as a 16-bit wave file. */
    private Path speech(Path full, Path out) throws RenderException, IOException {
        if (seconds == null) {
            return full;
        }
        DecodedAudio audio = AudioDecoder.decode(full);
        int frames = (int) Math.min(audio.frames(), Math.round(seconds * audio.sampleRate()));
        float[] samples = audio.interleaved();
        ByteBuffer pcm = ByteBuffer.allocate(frames * audio.channels() * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames * audio.channels(); i++) {
            pcm.putShort((short) Math.round(Math.max(-1f, Math.min(1f, samples[i])) * 32767));
        }
        AudioFormat format = new AudioFormat(audio.sampleRate(), 16, audio.channels(), true, false);
        Path cut = out.resolve("speech_" + seconds + "s.wav");
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, cut.toFile());
        }
        return cut;
    }

    /** The sample clip centred on a 1920x1080 canvas, as a 1080p source. */
    private static Path hdVideo(Path clip, Path target) throws RenderException {
        try (SourceReader reader = SourceReader.open(clip, 0)) {
            List<Image> frames = reader.readAll();
            try (Mp4Writer writer = Mp4Writer.open(target, HD_WIDTH, HD_HEIGHT,
                    DecodedAudio.silence(DecodedAudio.MODEL_RATE, 1, frames.size() / (double) Mp4Writer.FPS))) {
                for (Image frame : frames) {
                    writer.write(centred(ImageOps.resize(frame, HD_HEIGHT, HD_HEIGHT)));
                }
                writer.finish();
            }
        }
        return target;
    }

    private static Image centred(Image square) {
        byte[] canvas = new byte[HD_WIDTH * HD_HEIGHT * 3];
        int left = (HD_WIDTH - square.width()) / 2;
        for (int y = 0; y < square.height(); y++) {
            System.arraycopy(square.rgb(), y * square.width() * 3, canvas, (y * HD_WIDTH + left) * 3, square.width() * 3);
        }
        return new Image(HD_WIDTH, HD_HEIGHT, canvas);
    }
}
