package dittospark.media;

import java.nio.file.Files;
import java.nio.file.Path;

/** The sample media folder named by the system property {@code samples.dir} (default: {@code ../shared/samples} beside the checkout). */
public final class Samples {
    private Samples() {
    }

    public static Path file(String name) {
        String configured = System.getProperty("samples.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "samples");
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("sample " + file.toAbsolutePath() + " does not exist; set -Dsamples.dir");
        }
        return file;
    }
}
