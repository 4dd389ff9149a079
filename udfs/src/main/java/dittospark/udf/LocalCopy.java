package dittospark.udf;

import dittospark.engine.RenderException;
import org.apache.hadoop.conf.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a file named by a Hadoop URI through a local copy that is removed afterwards. */
final class LocalCopy {
    /** What to learn from the local file. */
    @FunctionalInterface
    interface Reader<T> {
        T read(Path local) throws RenderException, IOException;
    }

    private LocalCopy() {
    }

    static <T> T read(String uri, Configuration conf, Reader<T> reader) throws RenderException, IOException {
        Path work = Files.createTempDirectory("dittospark-probe-");
        try {
            return reader.read(new InputFetcher(conf).fetch(uri, work));
        } finally {
            LocalFiles.deleteRecursively(work);
        }
    }
}
