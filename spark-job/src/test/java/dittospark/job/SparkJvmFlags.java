package dittospark.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The flags a JVM that runs Spark on Java 17 needs, for tests that start one of their own: the
 * {@code --add-opens} list the build writes to {@code dittospark/jvm-options.txt} from the parent pom.
 */
final class SparkJvmFlags {
    static final List<String> ADD_OPENS = read();

    private SparkJvmFlags() {
    }

    private static List<String> read() {
        try (InputStream in = SparkJvmFlags.class.getResourceAsStream("/dittospark/jvm-options.txt")) {
            if (in == null) {
                throw new IllegalStateException("dittospark/jvm-options.txt is not on the classpath: build spark-job");
            }
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
