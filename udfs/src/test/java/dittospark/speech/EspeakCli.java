package dittospark.speech;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The espeak-ng program that text rows speak through, for tests that need it. */
public final class EspeakCli {
    private EspeakCli() {
    }

    /** Skips the calling test where espeak-ng is not on the PATH. */
    public static void assumeInstalled() {
        String path = System.getenv("PATH");
        boolean present = path != null && Arrays.stream(path.split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "espeak-ng")));
        assumeTrue(present, "espeak-ng is not installed; bin/install-test-tools installs it");
    }
}
