package dittospark.job;

import dittospark.udf.HadoopFiles;
import dittospark.udf.RenderTask;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The expected cost of a row, in seconds of audio weighted by the kind of source, from a cheap probe:
 * a WAV header gives the exact duration, other audio is estimated from its size. The engine renders
 * one frame per 40 ms of audio, so duration is what a row's work grows with.
 */
public final class CostEstimator {
    /** A video source runs face detection and source preparation on every frame, an image once. */
    static final double VIDEO_FACTOR = 2.0;
    /** Per-row work that does not grow with duration: decoding, model warm-up, publishing. */
    static final double FIXED_SECONDS = 1.0;
    /** What a row whose audio cannot be probed is assumed to take; it will likely fail fast. */
    static final double UNKNOWN_SECONDS = 10.0;
    /** Typical bytes per second of compressed speech, by extension. */
    private static final Map<String, Double> BYTES_PER_SECOND = Map.of(
            "mp3", 16_000.0, "m4a", 16_000.0, "ogg", 12_000.0, "flac", 48_000.0, "wav", 48_000.0);
    private static final Set<String> VIDEO_TYPES = Set.of("mp4", "mov", "mkv", "webm");
    private static final int PROBE_THREADS = 8;
    /** How long all probes together may take; a row whose probe has not answered by then gets the unknown cost. */
    static final Duration PROBE_DEADLINE = Duration.ofSeconds(60);

    private final Configuration conf;

    public CostEstimator(Configuration conf) {
        this.conf = conf;
    }

    /**
     * Costs of {@code tasks}, in their order; probes run in parallel since each may be a remote read.
     * A probe is only a planning hint: one that fails or outlasts {@link #PROBE_DEADLINE} costs as a
     * row of {@link #UNKNOWN_SECONDS}, and the row itself reports what is wrong with its input.
     */
    public List<Double> costs(List<RenderTask> tasks) {
        return costs(tasks, PROBE_DEADLINE);
    }

    List<Double> costs(List<RenderTask> tasks, Duration deadline) {
        ExecutorService pool = Executors.newFixedThreadPool(PROBE_THREADS, daemon());
        try {
            List<Future<Double>> futures = new ArrayList<>();
            for (RenderTask t : tasks) {
                futures.add(pool.submit(() -> cost(t)));
            }
            long end = System.nanoTime() + deadline.toNanos();
            List<Double> costs = new ArrayList<>();
            for (Future<Double> f : futures) {
                costs.add(answer(f, end));
            }
            return costs;
        } finally {
            pool.shutdownNow();
        }
    }

    private static double answer(Future<Double> probe, long end) {
        try {
            return probe.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FIXED_SECONDS + UNKNOWN_SECONDS;
        } catch (ExecutionException | TimeoutException e) {
            return FIXED_SECONDS + UNKNOWN_SECONDS;
        }
    }

    /** A stuck remote read must not keep the driver's JVM alive. */
    private static ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "dittospark-cost-probe");
            t.setDaemon(true);
            return t;
        };
    }

    public double cost(RenderTask task) {
        double factor = VIDEO_TYPES.contains(extension(task.source())) ? VIDEO_FACTOR : 1.0;
        double speech = task.isText() ? spokenSeconds(task.text()) : audioSeconds(task.audio());
        return FIXED_SECONDS + factor * speech;
    }

    /** Synthesized speech runs at about 15 characters a second, plus the padding around it. */
    static double spokenSeconds(String text) {
        return text.length() / 15.0 + 0.25;
    }

    /** The audio's duration in seconds, estimated; {@link #UNKNOWN_SECONDS} when it cannot be read. */
    double audioSeconds(String uri) {
        try {
            Path path = new Path(uri);
            FileSystem fs = HadoopFiles.fileSystem(path, conf);
            long size = fs.getFileStatus(path).getLen();
            String type = extension(uri);
            if (type.equals("wav")) {
                try (FSDataInputStream in = fs.open(path)) {
                    byte[] header = new byte[(int) Math.min(size, 4096)];
                    in.readFully(0, header);
                    double seconds = wavSeconds(header, size);
                    if (seconds >= 0) {
                        return seconds;
                    }
                }
            }
            return size / BYTES_PER_SECOND.getOrDefault(type, 16_000.0);
        } catch (IOException | RuntimeException e) {
            return UNKNOWN_SECONDS;
        }
    }

    /**
     * Duration from a RIFF/WAVE header (data bytes / byte rate), or -1 when the header is not one or
     * its chunks do not fit the file. Chunk lengths are untrusted: positions are longs that only grow.
     */
    static double wavSeconds(byte[] header, long fileSize) {
        ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        if (header.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            return -1;
        }
        long byteRate = -1;
        long at = 12;
        while (at + 8 <= header.length) {
            int id = b.getInt((int) at);
            long length = b.getInt((int) at + 4) & 0xFFFFFFFFL;
            if (id == 0x20746d66 && at + 20 <= header.length) {
                byteRate = b.getInt((int) at + 16) & 0xFFFFFFFFL;
            } else if (id == 0x61746164) {
                long data = Math.min(length, fileSize - at - 8);
                return byteRate > 0 && data >= 0 ? (double) data / byteRate : -1;
            }
            long next = at + 8 + length + (length & 1);
            if (next > fileSize) {
                return -1;
            }
            at = next;
        }
        return -1;
    }

    private static String extension(String uri) {
        int dot = uri.lastIndexOf('.');
        return dot < 0 ? "" : uri.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
