package dittospark.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dittospark.udf.HadoopFiles;
import dittospark.udf.OutputFailures;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One run's exclusive claim on an output folder: a small file {@code <out>/_lease.json} naming the run,
 * created only if absent and renewed while the run lives. A second run into the same folder stops with
 * a message naming the first; a lease left by a run that died is taken over once it has not been
 * renewed for {@link #STALE}, so the next run resumes. Creation is atomic on local disk and HDFS; on
 * s3a, whose older connectors cannot create conditionally, the lease is read back after a pause so
 * that of two runs racing within that pause, at most one goes on.
 */
public final class OutputLease implements AutoCloseable {
    static final String NAME = "_lease.json";
    static final Duration RENEW = Duration.ofSeconds(20);
    static final Duration STALE = Duration.ofMinutes(2);
    private static final Duration SETTLE = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(OutputLease.class);

    private final FileSystem fs;
    private final Path file;
    private final String runId;
    private final String host;
    private final Instant started;
    private final ScheduledExecutorService renewer;

    private OutputLease(FileSystem fs, Path file, String runId, String host, Instant started) {
        this.fs = fs;
        this.file = file;
        this.runId = runId;
        this.host = host;
        this.started = started;
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dittospark-output-lease");
            t.setDaemon(true);
            return t;
        });
        renewer.scheduleWithFixedDelay(this::renew, RENEW.toMillis(), RENEW.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Claims {@code out} for {@code runId}, or fails naming the run that holds it. */
    public static OutputLease acquire(Path out, String runId, Configuration conf) throws JobException {
        try {
            FileSystem fs = HadoopFiles.fileSystem(out, conf);
            fs.mkdirs(out);
            Path file = new Path(out, NAME);
            String host = InetAddress.getLocalHost().getHostName();
            Instant now = Instant.now();
            String content = content(runId, host, now, now);
            if (!create(fs, file, content)) {
                JsonNode holder = read(fs, file);
                if (!isStale(fs, file, holder)) {
                    throw new JobException(inUse(out, holder));
                }
                LOG.warn("taking over the lease of {} left by run {}", out, holder == null ? "?" : holder.path("run").asText());
                fs.delete(file, false);
                if (!create(fs, file, content)) {
                    throw new JobException(inUse(out, read(fs, file)));
                }
            }
            if (!HadoopFiles.isLocal(file) && !"hdfs".equals(file.toUri().getScheme())) {
                Thread.sleep(SETTLE.toMillis());
                JsonNode holder = read(fs, file);
                if (holder == null || !runId.equals(holder.path("run").asText())) {
                    throw new JobException(inUse(out, holder));
                }
            }
            return new OutputLease(fs, file, runId, host, now);
        } catch (IOException e) {
            throw new JobException("cannot claim the output folder " + out + ": " + OutputFailures.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobException("interrupted while claiming the output folder " + out, e);
        }
    }

    /** Whether this run still holds the folder (another run may take over a lease this JVM failed to renew). */
    boolean held() throws IOException {
        JsonNode holder = read(fs, file);
        return holder != null && runId.equals(holder.path("run").asText());
    }

    @Override
    public void close() {
        renewer.shutdownNow();
        try {
            if (held()) {
                fs.delete(file, false);
            }
        } catch (IOException e) {
            LOG.warn("cannot release the lease {}: {}", file, e.toString());
        }
    }

    private void renew() {
        try {
            if (held()) {
                write(fs, file, content(runId, host, started, Instant.now()));
            } else {
                LOG.error("run {} lost its lease on {} to another run", runId, file.getParent());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot renew the lease {}: {}", file, e.toString());
        }
    }

    /** Creates {@code file} only if absent; false when it exists. */
    private static boolean create(FileSystem fs, Path file, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (HadoopFiles.isLocal(file)) {
            // Hadoop's local create checks, then opens: two runs could both pass the check
            try {
                Files.write(java.nio.file.Path.of(fs.makeQualified(file).toUri()), bytes, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                return true;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                return false;
            }
        }
        try (FSDataOutputStream o = fs.create(file, false)) {
            o.write(bytes);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    private static void write(FileSystem fs, Path file, String content) throws IOException {
        try (FSDataOutputStream o = fs.create(file, true)) {
            o.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The holder's record, or null when the file is gone or unreadable (a run being written, say). */
    private static JsonNode read(FileSystem fs, Path file) throws IOException {
        try (FSDataInputStream in = fs.open(file)) {
            JsonNode node = JSON.readTree(in.readAllBytes());
            return node != null && node.isObject() ? node : null;
        } catch (FileNotFoundException e) {
            return null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    /**
     * Whether the lease was last renewed more than {@link #STALE} ago; a lease that cannot be read (being
     * written, or corrupt) goes by its file's age, so that a half-written one is never taken over.
     */
    private static boolean isStale(FileSystem fs, Path file, JsonNode holder) throws IOException {
        Instant cutoff = Instant.now().minus(STALE);
        if (holder != null) {
            try {
                return Instant.parse(holder.path("renewed").asText()).isBefore(cutoff);
            } catch (java.time.format.DateTimeParseException e) {
                // judged by the file's age below
            }
        }
        try {
            return Instant.ofEpochMilli(fs.getFileStatus(file).getModificationTime()).isBefore(cutoff);
        } catch (FileNotFoundException e) {
            return true;
        }
    }

    private static String inUse(Path out, JsonNode holder) {
        if (holder == null) {
            return "the output folder " + out + " is being claimed by another run; wait for it to end or choose another --out";
        }
        return "the output folder " + out + " is in use by run " + holder.path("run").asText() + " (on "
                + holder.path("host").asText() + ", started " + holder.path("started").asText()
                + "); wait for it to end or choose another --out. A run that died releases the folder "
                + STALE.toMinutes() + " minutes after its last renewal (" + holder.path("renewed").asText() + ")";
    }

    private static String content(String runId, String host, Instant started, Instant renewed) {
        return JSON.createObjectNode().put("run", runId).put("host", host).put("started", started.toString())
                .put("renewed", renewed.toString()).toString();
    }
}
