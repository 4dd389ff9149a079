package dittospark.server.renders;

import dittospark.errors.ErrorKind;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One reply's render as the service keeps it. Workers, the encoder's thread and request threads all
 * touch it, so every change and reading holds its lock; {@link #state()} gives a consistent copy.
 */
public final class RenderJob {
    static final String VIDEO = "video.mp4";
    static final String LIVE = "live";

    private final String id;
    private final Path folder;
    private final ReplyRequest request;
    private final Instant created = Instant.now();
    private final long createdNanos = System.nanoTime();

    private RenderStatus status = RenderStatus.QUEUED;
    private int framesDone;
    private int framesTotal;
    private int segments;
    private Instant started;
    private Instant ended;
    private ErrorKind errorKind;
    private String error;
    private double duration;
    private double renderSeconds;
    private boolean cancelRequested;
    private Thread runner;
    private Path audio;
    private long bytes;

    RenderJob(String id, Path folder, ReplyRequest request) {
        this.id = id;
        this.folder = folder;
        this.request = request;
        this.audio = request.audio();
    }

    public String id() {
        return id;
    }

    public String client() {
        return request.client();
    }

    ReplyRequest request() {
        return request;
    }

    Path folder() {
        return folder;
    }

    long createdNanos() {
        return createdNanos;
    }

    /** The finished video, once the render succeeded. */
    public synchronized Path video() {
        return status == RenderStatus.SUCCEEDED ? folder.resolve(VIDEO) : null;
    }

    /** The speech the avatar says (uploaded or synthesized), once there is one. */
    public synchronized Path audio() {
        return audio;
    }

    /** The folder of the live playlist and its segments, which the render writes as it encodes. */
    public Path liveFolder() {
        return folder.resolve(LIVE);
    }

    public synchronized JobState state() {
        return new JobState(id, status, framesDone, framesTotal, segments, created, started, ended, errorKind, error,
                duration, renderSeconds, cancelRequested);
    }

    /** Takes the job onto {@code worker}; false where it was cancelled while it waited. */
    synchronized boolean start(Thread worker) {
        if (status != RenderStatus.QUEUED) {
            return false;
        }
        status = RenderStatus.RUNNING;
        started = Instant.now();
        runner = worker;
        return true;
    }

    synchronized void spoken(Path speech) {
        audio = speech;
    }

    synchronized void progress(int done, int total) {
        framesDone = done;
        framesTotal = total;
    }

    synchronized void segment(int index) {
        segments = Math.max(segments, index + 1);
    }

    /**
     * Marks a queued job cancelled, or interrupts the running one (its worker ends it); either way the
     * status it had is returned, and a job that had ended is left as it is.
     */
    synchronized RenderStatus cancel() {
        RenderStatus was = status;
        if (status == RenderStatus.QUEUED) {
            end(RenderStatus.CANCELLED, ErrorKind.CANCELLED, "cancelled while queued");
        } else if (status == RenderStatus.RUNNING) {
            cancelRequested = true;
            runner.interrupt();
        }
        return was;
    }

    synchronized void succeed(double videoSeconds, double engineSeconds) {
        if (cancelRequested) {
            // the render finished before it saw the interrupt: the client asked for no video
            end(RenderStatus.CANCELLED, ErrorKind.CANCELLED, "cancelled while rendering");
            return;
        }
        duration = videoSeconds;
        renderSeconds = engineSeconds;
        end(RenderStatus.SUCCEEDED, null, null);
    }

    synchronized void fail(ErrorKind kind, String message) {
        if (cancelRequested || kind == ErrorKind.CANCELLED) {
            end(RenderStatus.CANCELLED, ErrorKind.CANCELLED, "cancelled while rendering");
        } else {
            end(RenderStatus.FAILED, kind, message);
        }
    }

    private void end(RenderStatus to, ErrorKind kind, String message) {
        status = to;
        errorKind = kind;
        error = message;
        ended = Instant.now();
        runner = null;
    }

    synchronized void stored(long folderBytes) {
        bytes = folderBytes;
    }

    synchronized long bytes() {
        return bytes;
    }
}
