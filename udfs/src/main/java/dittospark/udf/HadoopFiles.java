package dittospark.udf;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Access to files named by Hadoop URIs (file://, hdfs://, s3a://, or plain local paths). */
public final class HadoopFiles {
    /** Schemes whose files a manifest may name; a path without a scheme is a local file. */
    public static final Set<String> SCHEMES = Set.of("file", "hdfs", "s3a");
    /** Where Hadoop's jars keep its defaults; a file of a module not on the classpath is skipped. */
    private static final List<String> DEFAULT_FILES = List.of("core-default.xml", "hdfs-default.xml",
            "mapred-default.xml", "yarn-default.xml");

    private HadoopFiles() {
    }

    /**
     * The file system of {@code path}. Local files go through the raw local file system so that no
     * {@code .crc} side files appear beside the outputs.
     */
    public static FileSystem fileSystem(Path path, Configuration conf) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
    }

    /** The status of the file or folder at {@code uri}, or null when there is none. */
    public static FileStatus status(String uri, Configuration conf) throws IOException {
        Path path = new Path(uri);
        try {
            return fileSystem(path, conf).getFileStatus(path);
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    /** Whether {@code uri} names a file on the local disk of the machine that reads it. */
    public static boolean isLocal(Path path) {
        String scheme = path.toUri().getScheme();
        return scheme == null || scheme.equals("file");
    }

    /**
     * The entries of {@code conf} that differ from Hadoop's built-in defaults: small enough to broadcast.
     * Settings of the driver's site files ({@code core-site.xml}, ...) count as set: executors on other
     * machines may lack those files, while the defaults come with the Hadoop jars everywhere.
     */
    public static Map<String, String> overrides(Configuration conf) {
        Configuration defaults = new Configuration(false);
        DEFAULT_FILES.forEach(defaults::addResource);
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : conf) {
            if (!e.getValue().equals(defaults.getRaw(e.getKey()))) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** This machine's configuration (its defaults and site files) with {@code overrides} on top. */
    public static Configuration configuration(Map<String, String> overrides) {
        Configuration conf = new Configuration();
        overrides.forEach(conf::set);
        return conf;
    }
}
