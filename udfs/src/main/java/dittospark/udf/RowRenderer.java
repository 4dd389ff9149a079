package dittospark.udf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dittospark.engine.RenderOptions;
import dittospark.engine.RenderRequest;
import dittospark.engine.RenderResult;
import dittospark.engine.SpeechPadding;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.files.LocalFiles;
import dittospark.options.Options;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns one render task into one result row: fetches the inputs to local disk (a text row's speech is
 * synthesized instead), renders into local temporary space, and publishes the mp4 to its final URI only
 * once it is complete. A row whose output already exists is skipped unless overwriting. Never throws:
 * every failure short of the JVM's own ({@link VirtualMachineError}) becomes a FAILED row, and a row
 * that outlasts its deadline is abandoned as FAILED ({@link ErrorKind#TIMED_OUT}) without publishing.
 */
public final class RowRenderer {
    /** Renders one request whose paths are all local. */
    @FunctionalInterface
    public interface Renderer {
        RenderResult render(RenderRequest request) throws RenderException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(RowRenderer.class);
    /** Generous: the longest catalog rows take minutes on a CPU executor. */
    public static final long DEFAULT_DEADLINE_SECONDS = 3600;
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(DEFAULT_DEADLINE_SECONDS);

    private final Renderer renderer;
    private final InputFetcher fetcher;
    private final OutputPublisher publisher;
    private final Configuration conf;
    private final Path workRoot;
    private final boolean overwrite;
    private final ResultRow.Place place;
    private final Duration deadline;

    /**
     * @param workRoot  local folder for this task's temporary files
     * @param run       the run's id, in the names of files being published
     * @param place     model set, device and executor recorded in every row
     * @param deadline  how long one row may take from fetch to publish
     */
    public RowRenderer(Renderer renderer, Configuration conf, Path workRoot, boolean overwrite, String run,
                       ResultRow.Place place, Duration deadline) {
        this.renderer = renderer;
        this.fetcher = new InputFetcher(conf);
        this.publisher = new OutputPublisher(conf, run);
        this.conf = conf;
        this.workRoot = workRoot;
        this.overwrite = overwrite;
        this.place = place;
        this.deadline = deadline;
    }

    /**
     * Works on the row in a thread of its own so that a step stuck in a decoder or a remote read cannot
     * hold the task past the deadline; that thread is interrupted and left to end on its own.
     */
    public ResultRow render(RenderTask task) {
        Instant started = Instant.now();
        AtomicBoolean abandoned = new AtomicBoolean();
        FutureTask<ResultRow> work = new FutureTask<>(() -> outcome(task, started, abandoned));
        Thread worker = new Thread(work, "dittospark-row-" + task.id());
        worker.setDaemon(true);
        worker.start();
        ResultRow row;
        try {
            row = work.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandoned.set(true);
            worker.interrupt();
            LOG.error("row {} outlasted its deadline of {} s; abandoned", task.id(), deadline.toSeconds());
            row = failed(task, ErrorKind.TIMED_OUT, "the row did not finish within its deadline of "
                    + deadline.toSeconds() + " s; nothing was published (raise the row deadline for longer rows)", started);
        } catch (InterruptedException e) {
            abandoned.set(true);
            worker.interrupt();
            Thread.currentThread().interrupt();
            row = failed(task, ErrorKind.INTERNAL, "the task was interrupted while rendering the row", started);
        } catch (ExecutionException e) {
            // outcome() catches everything but the JVM's own errors
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            row = failed(task, ErrorKind.INTERNAL, e.getCause().toString(), started);
        }
        return row.withLanguage(task.language());
    }

    private ResultRow outcome(RenderTask task, Instant started, AtomicBoolean abandoned) {
        Path work = null;
        try {
            FileStatus existing = HadoopFiles.status(task.output(), conf);
            if (existing != null && existing.isDirectory()) {
                throw new RenderException(ErrorKind.OUTPUT_FAILED, "the output " + task.output()
                        + " is a folder, not a video; remove it or choose another output");
            }
            if (!overwrite && existing != null) {
                return ResultRow.skipped(task.id(), task.output(), place, started, Instant.now());
            }
            work = Files.createTempDirectory(workRoot, "row-");
            RenderOptions options = withLocalOtherAvatar(RenderOptions.parse(task.options()), work);
            Path source = fetch(task.source(), work, ErrorKind.SOURCE_UNREADABLE, "source");
            Path audio = task.isText() ? TextSpeech.synthesize(task, conf, work)
                    : fetch(task.audio(), work, ErrorKind.AUDIO_UNREADABLE, "audio");
            Path local = work.resolve(task.id() + ".mp4");
            RenderResult result = renderer.render(RenderRequest.builder()
                    .source(source).audio(audio).output(local)
                    .options(task.isText() ? SpeechPadding.padded(options) : options).seed(task.seed()).build());
            if (abandoned.get()) {
                return failed(task, ErrorKind.TIMED_OUT, "abandoned at its deadline", started);
            }
            try {
                publisher.publish(local, task.output(), overwrite);
            } catch (IOException | FSError e) {
                throw new RenderException(ErrorKind.OUTPUT_FAILED,
                        "cannot publish " + task.output() + ": " + OutputFailures.describe(e), e);
            }
            return ResultRow.succeeded(task.id(), task.output(), result, place, started, Instant.now());
        } catch (RenderException e) {
            return failed(task, e.kind(), e.getMessage(), started);
        } catch (IOException | FSError e) {
            return failed(task, ErrorKind.OUTPUT_FAILED, "cannot write " + task.output() + ": "
                    + OutputFailures.describe(e), started);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            LOG.error("row {} failed unexpectedly", task.id(), e);
            return failed(task, ErrorKind.INTERNAL, e.toString(), started);
        } finally {
            if (work != null) {
                try {
                    LocalFiles.deleteRecursively(work);
                } catch (IOException e) {
                    LOG.warn("cannot remove the work folder {}", work, e);
                }
            }
        }
    }

    /** A {@code ch_info} source is fetched like the row's own, and the engine reads the local copy. */
    private RenderOptions withLocalOtherAvatar(RenderOptions options, Path work) throws RenderException {
        JsonNode other = options.get(Options.CH_INFO);
        if (other == null || other.isNull()) {
            return options;
        }
        Path local = fetch(other.asText(), work, ErrorKind.SOURCE_UNREADABLE, "ch_info source");
        return options.with(Options.CH_INFO, TextNode.valueOf(local.toString()));
    }

    private Path fetch(String uri, Path work, ErrorKind kind, String what) throws RenderException {
        try {
            return fetcher.fetch(uri, work);
        } catch (IOException e) {
            throw new RenderException(kind, "cannot read the " + what + " " + uri + ": " + e.getMessage(), e);
        }
    }

    private ResultRow failed(RenderTask task, ErrorKind kind, String message, Instant started) {
        return ResultRow.failed(task.id(), task.output(), kind, message, place, started, Instant.now());
    }
}
