package dittospark.udf;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

/** Brings an input named by a Hadoop URI onto local disk, where the engine reads it. */
final class InputFetcher {
    private final Configuration conf;

    InputFetcher(Configuration conf) {
        this.conf = conf;
    }

    /**
     * A local path holding the file at {@code uri}: the file itself when it is local, else a copy in
     * {@code workDir} that keeps the file's name (the engine tells formats apart by extension too).
     */
    java.nio.file.Path fetch(String uri, java.nio.file.Path workDir) throws IOException {
        Path path = new Path(uri);
        if (HadoopFiles.isLocal(path)) {
            java.nio.file.Path local = Paths.get(path.toUri().getPath());
            if (!Files.isRegularFile(local)) {
                throw new IOException("no such file: " + local);
            }
            return local;
        }
        java.nio.file.Path dir = Files.createTempDirectory(workDir, "in-");
        java.nio.file.Path local = dir.resolve(path.getName());
        try (FSDataInputStream in = HadoopFiles.fileSystem(path, conf).open(path)) {
            Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
        }
        return local;
    }
}
