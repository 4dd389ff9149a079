package dittospark.udf;

import dittospark.engine.RenderOptions;
import dittospark.engine.RenderRequest;
import dittospark.engine.RenderResult;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.files.LocalFiles;
import dittospark.video.MiddleFrameThumbnail;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;

/**
 * Turns one render task into one result row: fetches the inputs to local disk (a text row's speech is
 * synthesized instead), renders into local temporary space, and publishes the mp4 to its final URI only
 * once it is complete. A row whose output already exists is skipped unless overwriting. Never throws:
 * every failure becomes a FAILED row.
 */
public final class RowRenderer {
    /** Renders one request whose paths are all local. */
    @FunctionalInterface
    public interface Renderer {
        RenderResult render(RenderRequest request) throws RenderException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(RowRenderer.class);
    private static final int THUMBNAIL_SIDE = 160;

    private final Renderer renderer;
    private final InputFetcher fetcher;
    private final OutputPublisher publisher;
    private final Configuration conf;
    private final Path workRoot;
    private final boolean overwrite;
    private final ResultRow.Place place;

    /**
     * @param workRoot  local folder for this task's temporary files
     * @param run       the run's id, in the names of files being published
     * @param place     model set, device and executor recorded in every row
     */
    public RowRenderer(Renderer renderer, Configuration conf, Path workRoot, boolean overwrite, String run,
                       ResultRow.Place place) {
        this.renderer = renderer;
        this.fetcher = new InputFetcher(conf);
        this.publisher = new OutputPublisher(conf, run);
        this.conf = conf;
        this.workRoot = workRoot;
        this.overwrite = overwrite;
        this.place = place;
    }

    public ResultRow render(RenderTask task) {
        return outcome(task).withLanguage(task.language());
    }

    private ResultRow outcome(RenderTask task) {
        Instant started = Instant.now();
        Path work = null;
        try {
            if (!overwrite && HadoopFiles.exists(task.output(), conf)) {
                return ResultRow.skipped(task.id(), task.output(), place, started, Instant.now());
            }
            work = Files.createTempDirectory(workRoot, "row-");
            RenderOptions options = RenderOptions.parse(task.options());
            Path source = fetch(task.source(), work, ErrorKind.SOURCE_UNREADABLE, "source");
            Path audio = task.isText() ? TextSpeech.synthesize(task, conf, work)
                    : fetch(task.audio(), work, ErrorKind.AUDIO_UNREADABLE, "audio");
            Path local = work.resolve(task.id() + ".mp4");
            RenderResult result = renderer.render(RenderRequest.builder()
                    .source(source).audio(audio).output(local)
                    .options(task.isText() ? TextSpeech.padded(options) : options).seed(task.seed()).build());
            long bytes = Files.size(local);
            String sha256 = LocalFiles.sha256Hex(local);
            String thumbnail = thumbnail(local);
            try {
                publisher.publish(local, task.output(), overwrite);
            } catch (IOException e) {
                throw new RenderException(ErrorKind.OUTPUT_FAILED,
                        "cannot publish " + task.output() + ": " + e.getMessage(), e);
            }
            return ResultRow.succeeded(task.id(), task.output(), result, place, bytes, sha256, started,
                    Instant.now(), thumbnail);
        } catch (RenderException e) {
            return failed(task, e.kind(), e.getMessage(), started);
        } catch (IOException e) {
            return failed(task, ErrorKind.OUTPUT_FAILED, "cannot reach " + task.output() + ": " + e, started);
        } catch (RuntimeException | LinkageError e) {
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

    /** The contact sheet's picture of the output; a row renders fine without one. */
    private static String thumbnail(Path video) {
        try {
            return Base64.getEncoder().encodeToString(MiddleFrameThumbnail.jpeg(video, THUMBNAIL_SIDE));
        } catch (IOException | RuntimeException e) {
            LOG.warn("no thumbnail of {}: {}", video, e.toString());
            return null;
        }
    }
}
