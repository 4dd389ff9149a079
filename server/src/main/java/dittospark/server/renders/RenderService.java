package dittospark.server.renders;

import dittospark.engine.RenderEngine;
import dittospark.engine.RenderOptions;
import dittospark.engine.RenderProgress;
import dittospark.engine.RenderRequest;
import dittospark.engine.RenderResult;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.files.LocalFiles;
import dittospark.media.Mp4Writer;
import dittospark.engine.SpeechPadding;
import dittospark.speech.SpeechSynthesizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Renders replies on one engine: a fixed pool of workers takes them from a bounded queue, in order.
 * A full queue refuses a request at once rather than letting it wait unseen; a queued render is
 * cancelled by taking it off the queue, a running one by interrupting its worker. Ended renders stay
 * on disk within the {@link Retention}.
 */
public final class RenderService implements AutoCloseable {
    /** Where renders are kept, how many run at once and how many may wait. */
    public record Settings(int workers, int queue, Path work, Retention retention) {
        public Settings {
            if (workers < 1 || queue < 1) {
                throw new IllegalArgumentException("a service needs workers >= 1 and queue >= 1");
            }
        }
    }

    /** A render's id and folder before it is queued: uploads are written into the folder first. */
    public record Draft(String id, Path folder) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(RenderService.class);
    /** What a render is guessed to take before any has finished, for Retry-After. */
    private static final double FIRST_GUESS_SECONDS = 5;
    private static final int PROGRESS_EVERY_FRAMES = 5;

    private final RenderEngine engine;
    private final SpeechSynthesizer speech;
    private final ReplyWriter writer;
    private final RenderListener listener;
    private final ServiceMetrics metrics;
    private final Settings settings;
    private final Path renders;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService sweeper;
    private final Map<String, RenderJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, Runnable> waiting = new ConcurrentHashMap<>();

    public RenderService(RenderEngine engine, SpeechSynthesizer speech, ReplyWriter writer, RenderListener listener,
                         ServiceMetrics metrics, Settings settings) throws IOException {
        this.engine = engine;
        this.speech = speech;
        this.writer = writer;
        this.listener = listener;
        this.metrics = metrics;
        this.settings = settings;
        this.renders = Files.createDirectories(settings.work().resolve("renders"));
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.queue()), r -> {
            Thread t = new Thread(r, "render-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.workers.prestartAllCoreThreads();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "render-retention");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.MINUTES);
    }

    public Settings settings() {
        return settings;
    }

    /** A fresh id and its empty folder. */
    public Draft draft() throws IOException {
        String id = RandomIds.next();
        return new Draft(id, Files.createDirectories(renders.resolve(id)));
    }

    /** Throws a draft away that was never submitted (a bad request). */
    public void discard(Draft draft) {
        delete(draft.folder());
    }

    /** Queues the reply; a full queue refuses it and the draft is discarded. */
    public RenderJob submit(Draft draft, ReplyRequest request) throws QueueFull {
        RenderJob job = new RenderJob(draft.id(), draft.folder(), request);
        Runnable task = () -> run(job);
        synchronized (this) {
            jobs.put(job.id(), job);
            waiting.put(job.id(), task);
            try {
                workers.execute(task);
            } catch (RejectedExecutionException e) {
                jobs.remove(job.id());
                waiting.remove(job.id());
                throw refuse(draft);
            }
        }
        listener.progressed(job);
        return job;
    }

    private QueueFull refuse(Draft draft) {
        discard(draft);
        metrics.rejected();
        int queued = queued();
        long wait = (long) Math.ceil(metrics.meanRenderSeconds(FIRST_GUESS_SECONDS) * (queued + 1) / settings.workers());
        return new QueueFull(queued, Math.max(1, wait));
    }

    public Optional<RenderJob> find(String id) {
        return RandomIds.wellFormed(id) ? Optional.ofNullable(jobs.get(id)) : Optional.empty();
    }

    /** Cancels the render: false where it had already ended. */
    public boolean cancel(RenderJob job) {
        Runnable task = waiting.remove(job.id());
        if (task != null) {
            workers.remove(task);
        }
        RenderStatus was = job.cancel();
        if (was == RenderStatus.QUEUED) {
            finish(job);
        }
        return !was.terminal();
    }

    public int queued() {
        return workers.getQueue().size();
    }

    /** How many renders the service knows of in each status. */
    public Map<RenderStatus, Integer> counts() {
        Map<RenderStatus, Integer> counts = new EnumMap<>(RenderStatus.class);
        for (RenderStatus s : RenderStatus.values()) {
            counts.put(s, 0);
        }
        jobs.values().forEach(j -> counts.merge(j.state().status(), 1, Integer::sum));
        return counts;
    }

    public String metricsText() {
        return metrics.text(queued(), counts(), settings.workers());
    }

    private void run(RenderJob job) {
        waiting.remove(job.id());
        if (!job.start(Thread.currentThread())) {
            return;
        }
        listener.progressed(job);
        ReplyRequest asked = job.request();
        try {
            Path audio = asked.audio();
            RenderOptions options = asked.options();
            if (asked.spoken()) {
                String line = writer.reply(asked.text(), asked.language());
                audio = speech.synthesize(line, asked.language(), asked.voice(), job.folder());
                job.spoken(audio);
                options = SpeechPadding.padded(options);
            }
            RenderRequest request = RenderRequest.builder().source(asked.source()).audio(audio)
                    .output(job.folder().resolve(RenderJob.VIDEO)).options(options).seed(asked.seed())
                    .live(job.liveFolder()).build();
            RenderResult result = engine.render(request, progress(job));
            job.progress(result.frames(), result.frames());
            job.succeed(result.frames() / (double) Mp4Writer.FPS, result.renderSeconds());
        } catch (RenderException e) {
            job.fail(e.kind(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("render {} failed", job.id(), e);
            job.fail(ErrorKind.INTERNAL, e.toString());
        } finally {
            // an interrupt meant for this render must not reach the next one
            Thread.interrupted();
        }
        finish(job);
    }

    private RenderProgress progress(RenderJob job) {
        return new RenderProgress() {
            @Override
            public void framesWritten(int done, int total) {
                job.progress(done, total);
                if (done % PROGRESS_EVERY_FRAMES == 0 || done == total) {
                    listener.progressed(job);
                }
            }

            @Override
            public void segmentWritten(int index, double endSeconds) {
                job.segment(index);
                listener.segmentWritten(job, index, endSeconds);
            }
        };
    }

    private void finish(RenderJob job) {
        JobState state = job.state();
        if (state.status() != RenderStatus.SUCCEEDED) {
            delete(job.folder().resolve(RenderJob.VIDEO));
        }
        job.stored(folderBytes(job.folder()));
        metrics.ended(state);
        listener.ended(job);
        sweep();
    }

    /** Removes what the retention no longer keeps: past its time first, then the oldest over the quota. */
    synchronized void sweep() {
        Instant now = Instant.now();
        List<RenderJob> ended = new ArrayList<>();
        for (RenderJob job : jobs.values()) {
            JobState s = job.state();
            if (s.status().terminal()) {
                if (settings.retention().expired(s.ended(), now)) {
                    forget(job);
                } else {
                    ended.add(job);
                }
            }
        }
        ended.sort(Comparator.comparing(j -> j.state().ended()));
        long total = ended.stream().mapToLong(RenderJob::bytes).sum();
        for (RenderJob job : ended) {
            if (total <= settings.retention().quotaBytes()) {
                break;
            }
            total -= job.bytes();
            forget(job);
        }
    }

    private void forget(RenderJob job) {
        jobs.remove(job.id());
        delete(job.folder());
    }

    private static long folderBytes(Path folder) {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static void delete(Path path) {
        try {
            if (Files.isDirectory(path)) {
                LocalFiles.deleteRecursively(path);
            } else {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", path, e.toString());
        }
    }

    /** Stops the workers, interrupting running renders; queued ones are dropped. */
    @Override
    public void close() {
        sweeper.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
