package dittospark.engine;

import dittospark.errors.RenderException;
import dittospark.options.OptionDocs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code dittospark render}: one pair, no Spark, with a progress bar and a stage timing table. */
@Command(name = "render", mixinStandardHelpOptions = true, modelTransformer = RenderCommand.OptionList.class,
        description = "Render one source and one speech recording into an mp4, without Spark.")
public final class RenderCommand implements Callable<Integer> {

    @Option(names = "--source", required = true, description = "portrait image or video")
    Path source;

    @Option(names = "--audio", required = true, description = "speech recording (any format, rate, channels)")
    Path audio;

    @Option(names = "--out", required = true, description = "the mp4 to write")
    Path out;

    @Option(names = "--live", description = "a folder to write the video to as HLS (live.m3u8, init.mp4, "
            + "segment_NNNNN.m4s) while it is encoded, for a player to start before the render ends")
    Path live;

    @Option(names = "--models", description = "model folder (default: the demo model set)")
    Path models;

    @Option(names = "--config", description = "a config pickle or JSON other than the folder's offline one")
    Path config;

    @Mixin
    DeviceOptions device = new DeviceOptions();

    @Option(names = "--seed", defaultValue = "0", description = "random seed, 0..2^32-1 (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--option", description = "a render option as key=value (JSON value), repeatable; see below")
    List<String> options = new ArrayList<>();

    @Option(names = "--threads", description = "threads the render may use, divided between ONNX Runtime, OpenCV, "
            + "x264 and the frame stages (default: the available processors)")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        try {
            RenderRequest request = RenderRequest.builder()
                    .source(source).audio(audio).output(out)
                    .options(RenderOptions.parsePairs(options))
                    .seed(seed)
                    .live(live)
                    .build();
            ThreadBudget.install(ThreadBudget.forOneRow(threadsFlag(spec, threads)));
            Path folder = models != null ? models : DefaultModels.demoFolder();
            RenderEngine engine = EngineRegistry.jvm().engine(folder, config, device.resolved(), device.composition(),
                    device.batch()).engine();
            ProgressBar bar = new ProgressBar(err);
            RenderResult result = engine.render(request, bar);
            bar.finish();
            err.println(summary(result));
            err.print(stageTable(result.stageSeconds(), result.frames()));
            return 0;
        } catch (RenderException e) {
            err.println("render failed [" + e.kind() + "]: " + e.getMessage());
            return 1;
        }
    }

    /** {@code --threads} as given, or the available processors; a flag below 1 is a usage error. */
    static int threadsFlag(CommandSpec spec, Integer threads) {
        if (threads == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        return threads;
    }

    static String summary(RenderResult r) {
        return String.format("%s %dx%d, %d frames (%.2f s of audio) in %.2f s: %.2f frames/s on %s",
                r.sourceKind().name().toLowerCase(), r.width(), r.height(), r.frames(), r.audioSeconds(),
                r.renderSeconds(), r.fps(), r.provider());
    }

    static String stageTable(Map<String, Double> stageSeconds, int frames) {
        StringBuilder b = new StringBuilder(String.format("%-12s %10s %12s%n", "stage", "seconds", "ms/frame"));
        stageSeconds.forEach((stage, seconds) -> b.append(String.format("%-12s %10.3f %12.2f%n",
                stage, seconds, frames > 0 ? seconds * 1000 / frames : 0)));
        return b.toString();
    }

    /** Lists every render option under the usage text; the list is the schema's, so it cannot go stale. */
    static final class OptionList implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            // one column short of the usage width, so that picocli does not wrap the lines again
            List<String> lines = OptionDocs.helpLines(spec.usageMessage().width() - 1);
            spec.usageMessage()
                    .footerHeading("%nRender options (--option key=value; the model config's defaults override"
                            + " the ones shown):%n")
                    // footer lines are format strings
                    .footer(lines.stream().map(line -> line.replace("%", "%%")).toArray(String[]::new));
            return spec;
        }
    }

    /** A one-line bar redrawn in place. */
    static final class ProgressBar implements RenderProgress {
        private static final int WIDTH = 30;
        private final PrintStream out;
        private final long started = System.nanoTime();
        private int lastDrawn = -1;

        ProgressBar(PrintStream out) {
            this.out = out;
        }

        @Override
        public synchronized void framesWritten(int done, int total) {
            int filled = total > 0 ? (int) ((long) done * WIDTH / total) : WIDTH;
            if (filled == lastDrawn && done != total) {
                return;
            }
            lastDrawn = filled;
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf("\r[%s%s] %d/%d frames %.1f fps", "#".repeat(filled), ".".repeat(WIDTH - filled), done, total,
                    seconds > 0 ? done / seconds : 0.0);
            out.flush();
        }

        void finish() {
            out.println();
        }
    }
}
