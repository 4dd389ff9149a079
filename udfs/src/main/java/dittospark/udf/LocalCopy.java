package dittospark.udf;

import dittospark.errors.RenderException;
import dittospark.files.LocalFiles;
import dittospark.files.ScratchSpace;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * How the probe functions read a file named by a Hadoop URI: through a local copy removed afterwards,
 * answering a fixed value rather than failing when the file cannot be read.
 */
final class LocalCopy {
    private static final Logger LOG = LoggerFactory.getLogger(LocalCopy.class);

    /** What to learn from the local file. */
    @FunctionalInterface
    interface Reader<T> {
        T read(Path local) throws RenderException, IOException;
    }

    private LocalCopy() {
    }

    /** What {@code reader} learns from the file at {@code uri}; {@code unreadable} when it is null or unreadable. */
    static <T> T read(String uri, Configuration conf, Reader<T> reader, T unreadable) {
        if (uri == null) {
            return unreadable;
        }
        try {
            Path work = ScratchSpace.newFolder("probe-");
            try {
                return reader.read(new InputFetcher(conf).fetch(uri, work));
            } finally {
                LocalFiles.deleteRecursively(work);
            }
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // a probe answers "unreadable" for anything a file can provoke, native checks included
            LOG.info("cannot read {}: {}", uri, e.toString());
            return unreadable;
        }
    }
}
