package dittospark.engine;

import dittospark.errors.RenderException;
import dittospark.image.Image;
import dittospark.image.ImageOps;
import dittospark.media.AudioDecoder;
import dittospark.media.WaveFiles;
import dittospark.media.DecodedAudio;
import dittospark.media.EncodeBaseline;
import dittospark.media.Mp4Writer;
import dittospark.media.SourceReader;
import dittospark.options.Options;
import dittospark.runtime.Device;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code dittospark bench}: renders the sample speech onto the sample portrait (1432x1432) and onto a
 * 1080p video made from the sample clip, three ways on the same frames: end to end, every frame stage
 * alone (one after the other, so each has the machine to itself), and encode only. The table gives
 * milliseconds per frame of each stage alone, the models alone (warp and decode on the stitched
 * motion), encode only, end to end, and how much the end-to-end frame costs beyond models and encoder.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the render pipeline on the samples against an encode-only baseline.")
public final class BenchCommand implements Callable<Integer> {
    static final int MISSING_SAMPLES = 2;
    private static final int HD_WIDTH = 1920;
    private static final int HD_HEIGHT = 1080;
    private static final double WARM_UP_SECONDS = 1.0;

    @Option(names = "--samples", description = "folder with portrait.png, portrait_clip_3s.mp4 and speech_24k.wav "
            + "(default: the checkout's samples/, else the copies inside the jar)")
    Path samples;

    @Option(names = "--models", description = "model folder (default: the demo model set)")
    Path models;

    @Mixin
    DeviceOptions device = new DeviceOptions();

    @Option(names = "--seconds", description = "use only the first N seconds of the speech (default: all of it)")
    Double seconds;

    @Option(names = "--work", description = "folder for the bench's videos (default: a temporary folder)")
    Path work;

    @Option(names = "--threads", description = "threads the renders may use, divided between ONNX Runtime, OpenCV, "
            + "x264 and the frame stages (default: the available processors)")
    Integer threads;

    @Option(names = "--online", description = "stream the speech to sessions in online mode instead: first frame, "
            + "first live segment and sustained fps for the portrait at 512x512 and 1432x1432")
    boolean online;

    @Spec
    CommandSpec spec;

    /** One case: its end-to-end render, the same render with its stages alone, and the encoder alone. */
    record Row(String name, RenderResult endToEnd, RenderResult alone, double encodeMsPerFrame) {
        double msPerFrame(String stage) {
            return alone.stageSeconds().getOrDefault(stage, 0.0) * 1000 / alone.frames();
        }

        double modelsMsPerFrame() {
            return msPerFrame("warp") + msPerFrame("decode") + msPerFrame("warp+decode");
        }

        double endToEndMsPerFrame() {
            return endToEnd.renderSeconds() * 1000 / endToEnd.frames();
        }

        /** End-to-end time per frame over models alone plus encoder alone: 1.0 when the rest costs nothing. */
        double ratio() {
            return endToEndMsPerFrame() / (modelsMsPerFrame() + encodeMsPerFrame);
        }
    }

    /** The frame stages, in pipeline order, each timed alone. */
    static final List<String> FRAME_STAGES = List.of("source", "stitch", "warp", "decode", "warp+decode", "putback",
            "encode");

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
        if (online) {
            return runOnline(dir, speech, out);
        }
        Path hdVideo = hdVideo(dir.resolve("portrait_clip_3s.mp4"), out.resolve("source_1080p.mp4"));
        List<Row> rows = new ArrayList<>();
        Path folder = models != null ? models : DefaultModels.demoFolder();
        String on = device.resolved();
        Device parsed = Device.parse(on);
        try (GpuMemoryPeak memory = GpuMemoryPeak.start(parsed.isCuda() ? parsed.index() : GpuMemoryPeak.NONE)) {
            RenderEngine engine = EngineRegistry.jvm().engine(folder, null, on, device.composition(), device.batch())
                    .engine();
            // the first renders of a JVM compile the per-pixel loops and size the models' buffers: not measured
            Path warmUp = cut(speech, WARM_UP_SECONDS, out);
            for (Path source : List.of(dir.resolve("portrait.png"), hdVideo)) {
                engine.render(RenderRequest.builder().source(source).audio(warmUp).output(out.resolve("warm_up.mp4"))
                        .seed(0).build(), RenderProgress.NONE);
            }
            rows.add(run(engine, "portrait 1432x1432", dir.resolve("portrait.png"), speech, out));
            rows.add(run(engine, "video 1920x1080", hdVideo, speech, out));
            System.err.println("bench: the portrait with the warp and decoder apart and composed ...");
            List<DeviceBench.Way> ways = DeviceBench.compositions(folder, on,
                    request(dir.resolve("portrait.png"), warmUp, out.resolve("warm_up.mp4")),
                    request(dir.resolve("portrait.png"), speech, out.resolve("composition.mp4")));
            System.err.println("bench: the portrait with one frame per warp and decoder call and with --batch ...");
            DeviceBench.Batching batching = DeviceBench.batching(folder, on, device.composition(), device.batch(),
                    request(dir.resolve("portrait.png"), warmUp, out.resolve("warm_up.mp4")),
                    request(dir.resolve("portrait.png"), speech, out.resolve("batching.mp4")));
            System.out.print(table(rows));
            System.out.print(DeviceBench.compositionLines("portrait", ways));
            System.out.print(DeviceBench.batchingLine("portrait", batching));
            System.out.print(DeviceBench.placementLines(folder, on));
            System.out.print(DeviceBench.engineBuildLine(engine.engineBuilds()));
            System.out.print(DeviceBench.memoryLine(memory.peakMiB()));
        }
        System.out.println("videos in " + out);
        return 0;
    }

    private int runOnline(Path dir, Path speech, Path out) throws Exception {
        RenderEngine engine = EngineRegistry.jvm().engine(models != null ? models : DefaultModels.demoFolder(), null,
                device.resolved(), device.composition()).engine();
        Path portrait = dir.resolve("portrait.png");
        // the first renders of a JVM compile the per-pixel loops and size the models' buffers: not measured
        engine.render(RenderRequest.builder().source(portrait).audio(cut(speech, WARM_UP_SECONDS, out))
                .output(out.resolve("warm_up.mp4")).options(RenderOptions.parse(OnlineBench.OPTIONS)).seed(0).build(),
                RenderProgress.NONE);
        List<OnlineBench.Row> rows = OnlineBench.run(engine, portrait, speech, out);
        System.out.print(OnlineBench.table(rows));
        System.out.println("videos in " + out);
        return 0;
    }

    private static RenderRequest request(Path source, Path audio, Path video) throws RenderException {
        return RenderRequest.builder().source(source).audio(audio).output(video).seed(0).build();
    }

    private static Row run(RenderEngine engine, String name, Path source, Path speech, Path out) throws Exception {
        Path video = out.resolve(name.replaceAll("[^A-Za-z0-9]+", "_") + ".mp4");
        System.err.println("bench: rendering " + name + " ...");
        RenderRequest request = RenderRequest.builder().source(source).audio(speech).output(video).seed(0).build();
        RenderResult endToEnd = engine.render(request, RenderProgress.NONE);
        RenderResult alone = engine.renderStagesAlone(RenderRequest.builder().source(source).audio(speech)
                .output(out.resolve("stages_alone.mp4")).seed(0).build());
        double encode = EncodeBaseline.msPerFrame(video, out.resolve("encode_only.mp4"), new Mp4Writer.Encoding(
                endToEnd.encoder(), Options.ENCODER_PRESET.read(Options.ENCODER_PRESET.builtIn()),
                ThreadBudget.jvm().encoderThreads()));
        return new Row(name, endToEnd, alone, encode);
    }

    static String table(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-20s %6s", "case (ms/frame)", "frames"));
        FRAME_STAGES.forEach(st -> b.append(String.format(" %8s", st)));
        b.append(String.format(" %11s %11s %11s %8s %7s%n", "models-only", "encode-only", "end-to-end", "e2e fps",
                "ratio"));
        for (Row r : rows) {
            b.append(String.format("%-20s %6d", r.name(), r.endToEnd().frames()));
            FRAME_STAGES.forEach(st -> b.append(String.format(" %8.1f", r.msPerFrame(st))));
            b.append(String.format(" %11.1f %11.1f %11.1f %8.2f %7.2f%n", r.modelsMsPerFrame(), r.encodeMsPerFrame(),
                    r.endToEndMsPerFrame(), r.endToEnd().fps(), r.ratio()));
        }
        ThreadBudget t = ThreadBudget.jvm();
        b.append("provider: ").append(rows.isEmpty() ? "-" : rows.get(0).endToEnd().provider())
                .append(String.format("; threads: %d (ONNX Runtime %d, OpenCV %d, x264 %d; workers: warp %d, decode %d;"
                                + " put-back threads %d)%n", t.cores(), t.modelThreads(), t.opencvThreads(), t.encoderThreads(),
                        t.warpWorkers(), t.decodeWorkers(), t.putBackThreads()))
                .append("stage columns: each frame stage alone, the stages run one after the other on one thread;"
                        + " models-only = warp + decode (or warp+decode, composed) alone;"
                        + " encode-only = the output's frames encoded again;\n"
                        + "end-to-end = the whole render (audio, registration, features, motion included) per frame;"
                        + " ratio = end-to-end / (models-only + encode-only)\n");
        return b.toString();
    }

    /** The speech, cut to {@link #seconds} when asked, as a 16-bit wave file. */
    private Path speech(Path full, Path out) throws RenderException, IOException {
        return seconds == null ? full : cut(full, seconds, out);
    }

    private static Path cut(Path full, double seconds, Path out) throws RenderException, IOException {
        return WaveFiles.write(AudioDecoder.decode(full), seconds, out.resolve("speech_" + seconds + "s.wav"));
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
