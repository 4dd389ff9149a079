package dittospark.job;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The batch command's exit codes, each from a real run in its own JVM, as a scheduler sees them. */
class ExitCodesIT {
    private static final Path SAMPLES = Path.of(System.getProperty("samples.dir"));
    private static final Path DEMO_MODELS = Path.of(System.getProperty("demo.models.dir"));

    @TempDir
    static Path dir;
    private static String goodRow;

    @BeforeAll
    static void speech() throws Exception {
        Path audio = Wavs.head(SAMPLES.resolve("speech_24k.wav"), 0.3, dir.resolve("speech.wav"));
        goodRow = SAMPLES.resolve("portrait.png") + "," + audio;
    }

    @Test
    void everyRowSucceededExitsZero() throws Exception {
        assertThat(exit(manifest("good", "a," + goodRow), "out-good")).as("exit code").isEqualTo(0);
    }

    @Test
    void aFailedRowExitsThree() throws Exception {
        assertThat(exit(manifest("mixed", "a," + goodRow, "b,missing.png,speech.wav"), "out-mixed"))
                .as("exit code").isEqualTo(3);
    }

    @Test
    void aFailedRowExitsZeroWhenAllowed() throws Exception {
        assertThat(exit(manifest("allowed", "a," + goodRow, "b,missing.png,speech.wav"), "out-allowed",
                "--allow-failed-rows")).as("exit code").isEqualTo(0);
    }

    @Test
    void aMissingManifestExitsTwo() throws Exception {
        assertThat(exit(dir.resolve("none.csv"), "out-none")).as("exit code").isEqualTo(2);
    }

    @Test
    void anOutputFolderHeldByAnotherRunExitsOne() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out-held"));
        Files.writeString(out.resolve(OutputLease.NAME), "{\"run\":\"other-run\",\"host\":\"h\",\"started\":\""
                + Instant.now() + "\",\"renewed\":\"" + Instant.now() + "\"}");

        assertThat(exit(manifest("held", "a," + goodRow), "out-held")).as("exit code").isEqualTo(1);
    }

    private static Path manifest(String name, String... rows) throws Exception {
        return Files.writeString(dir.resolve(name + ".csv"), "id,source,audio\n" + String.join("\n", rows) + "\n");
    }

    private static int exit(Path manifest, String out, String... more) throws Exception {
        Path log = dir.resolve(out + ".log");
        String[] args = new String[9 + more.length];
        System.arraycopy(new String[]{"batch", "--manifest", manifest.toString(), "--out", dir.resolve(out).toString(),
                "--models", DEMO_MODELS.toString(), "--master", "local[1]"}, 0, args, 0, 9);
        System.arraycopy(more, 0, args, 9, more.length);
        Process p = CliProcess.start(log, args);
        assertThat(p.waitFor(4, TimeUnit.MINUTES)).as("run ended").isTrue();
        String console = Files.readString(log);
        assertThat(console).as("console of a run").doesNotContain("\tat ");
        return p.exitValue();
    }
}
