package dittospark.udf;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.UUID;

/**
 * Moves a finished local file to its final URI so that readers only ever see it complete. On
 * object stores an upload becomes visible only when it completes, so the file is uploaded straight
 * to its key (no temporary object that a rename would have to copy). Elsewhere it is written under a
 * hidden name in the target folder, then renamed. This is not {@link dittospark.files.StagedFile},
 * which moves within one local file system through java.nio: the target here may be on any Hadoop file
 * system, whose renames differ (HDFS's does not replace a file, an object store's is a copy).
 */
public final class OutputPublisher {
    /** Schemes whose uploads appear atomically when the stream closes. */
    private static final Set<String> OBJECT_STORES = Set.of("s3a");
    /** Prefix of the hidden names of files being published; readers of the folder ignore them. */
    public static final String TEMP_PREFIX = "._publishing-";

    private final Configuration conf;
    private final String run;

    /** @param run names the run in temporary file names, so that {@link #sweep} removes only its own */
    public OutputPublisher(Configuration conf, String run) {
        this.conf = conf;
        this.run = run;
    }

    /**
     * Publishes {@code local} as {@code uri}. When another attempt published the same row first and
     * {@code overwrite} is off, its file is kept: renders are reproducible, so both are the same.
     */
    public void publish(java.nio.file.Path local, String uri, boolean overwrite) throws IOException {
        Path target = new Path(uri);
        FileSystem fs = HadoopFiles.fileSystem(target, conf);
        if (OBJECT_STORES.contains(target.toUri().getScheme())) {
            copy(local, fs, target, overwrite);
            return;
        }
        fs.mkdirs(target.getParent());
        Path temp = new Path(target.getParent(), TEMP_PREFIX + run + "-" + UUID.randomUUID() + "-" + target.getName());
        try {
            copy(local, fs, temp, false);
            if (fs.exists(target)) {
                if (!overwrite) {
                    return;
                }
                // HDFS will not rename onto an existing file; the local file system would
                fs.delete(target, false);
            }
            if (!fs.rename(temp, target) && !(fs.exists(target) && !overwrite)) {
                throw new IOException("cannot rename " + temp + " to " + target);
            }
        } finally {
            if (fs.exists(temp)) {
                fs.delete(temp, false);
            }
        }
    }

    /**
     * Removes what publishes of {@code run} left in {@code folder} when their executor died mid-copy;
     * call once no task of the run is running.
     */
    public static void sweep(String folder, String run, Configuration conf) throws IOException {
        Path dir = new Path(folder);
        if (OBJECT_STORES.contains(dir.toUri().getScheme())) {
            return;
        }
        FileSystem fs = HadoopFiles.fileSystem(dir, conf);
        if (!fs.exists(dir)) {
            return;
        }
        for (org.apache.hadoop.fs.FileStatus f : fs.listStatus(dir, p -> p.getName().startsWith(TEMP_PREFIX + run + "-"))) {
            fs.delete(f.getPath(), false);
        }
    }

    private static void copy(java.nio.file.Path local, FileSystem fs, Path to, boolean overwrite) throws IOException {
        try (FSDataOutputStream out = fs.create(to, overwrite)) {
            Files.copy(local, out);
        }
    }
}
