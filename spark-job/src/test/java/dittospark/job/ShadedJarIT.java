package dittospark.job;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded jar run the way {@code spark-submit} runs it: a JVM of its own whose class path holds the jar
 * and what a Spark installation provides, started in a folder outside the repository, with a fresh user
 * home and no setting that names a checkout.
 */
class ShadedJarIT {
    private static final Path SAMPLES = Path.of(System.getProperty("samples.dir"));

    /** Kept when a test fails: each run's console is in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;
    private static Path workDir;
    private static String classPath;

    @BeforeAll
    static void prepare() throws IOException {
        Path jar = Path.of(System.getProperty("shaded.jar"));
        assertThat(jar).as("the shaded jar that package builds").isRegularFile();
        List<String> entries = new ArrayList<>(List.of(jar.toString()));
        for (String file : System.getProperty("spark.classpath.files").split(",")) {
            entries.addAll(Arrays.asList(Files.readString(Path.of(file)).strip().split(File.pathSeparator)));
        }
        classPath = String.join(File.pathSeparator, entries);

        workDir = Files.createDirectories(dir.resolve("work"));
        Files.copy(SAMPLES.resolve("portrait.png"), workDir.resolve("portrait.png"));
        Wavs.head(SAMPLES.resolve("speech_24k.wav"), 1.0, workDir.resolve("speech_1s.wav"));
        Files.writeString(workDir.resolve("manifest.csv"), "id,source,audio\nportrait,portrait.png,speech_1s.wav\n");
    }

    @Test
    void batchRendersWithTheDemoModelsWrittenIntoTheUsersCache() throws Exception {
        Path home = dir.resolve("home-demo");

        String console = batch(home, "out-demo");

        assertSucceeded(console, "out-demo");
        try (Stream<Path> cache = Files.list(home.resolve(".cache/dittospark"))) {
            assertThat(cache.map(p -> p.getFileName().toString())).as("the user's cache")
                    .anyMatch(name -> name.matches("demo-models-[0-9a-f]{12}"));
        }
    }

    @Test
    void batchRendersWithAModelsFolder() throws Exception {
        Path home = dir.resolve("home-models");

        String console = batch(home, "out-models", "--models", System.getProperty("demo.models.dir"));

        assertSucceeded(console, "out-models");
        assertThat(home.resolve(".cache/dittospark")).as("the user's cache, unused when --models names a folder")
                .doesNotExist();
    }

    /** Runs {@code batch} on the one-row manifest with relative paths, as a user in {@link #workDir} would. */
    private static String batch(Path home, String out, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-Duser.home=" + Files.createDirectories(home)));
        command.addAll(SparkJvmFlags.ADD_OPENS);
        command.addAll(List.of("-cp", classPath, "dittospark.cli.Main",
                "batch", "--manifest", "manifest.csv", "--out", out));
        command.addAll(List.of(more));
        Path log = dir.resolve(out + ".log");
        Process p = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("batch finished within 5 minutes").isTrue();
        String console = Files.readString(log);
        assertThat(p.exitValue()).as("batch exit code; console:\n" + console).isZero();
        return console;
    }

    private static void assertSucceeded(String console, String out) throws IOException {
        Path folder = workDir.resolve(out);
        List<String> rows = Files.readAllLines(folder.resolve(ResultsWriter.CSV)).stream().skip(1).toList();
        assertThat(rows).as("results rows; console:\n" + console).singleElement()
                .satisfies(row -> assertThat(row).as("the row's id and status").startsWith("portrait,SUCCEEDED,"));
        assertThat(folder.resolve("portrait.mp4")).as("the row's video").isNotEmptyFile();
    }
}
