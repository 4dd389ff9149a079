package dittospark.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real job processes into one output folder. The first is held mid-run deterministically: its one
 * row's audio is a named pipe, whose reads block until this test writes to it.
 */
class TwoJobsTest {
    private static final Path SAMPLES = Path.of(System.getProperty("samples.dir"));
    private static final Path DEMO_MODELS = Path.of(System.getProperty("demo.models.dir"));

    @TempDir
    Path dir;

    @Test
    void aSecondJobIntoAnOutputFolderInUseStopsNamingTheFirstAndTheFirstFinishes() throws Exception {
        Path pipe = dir.resolve("held.wav");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).as("mkfifo").isZero();
        Path manifest = Files.writeString(dir.resolve("m.csv"),
                "id,source,audio\nheld," + SAMPLES.resolve("portrait.png") + "," + pipe + "\n");
        Path out = dir.resolve("out");
        Path lease = out.resolve(OutputLease.NAME);

        Process first = job(manifest, out, dir.resolve("first.log"));
        try {
            waitFor(() -> Files.size(lease) > 0, first, "the first job's lease");
            String holder = Files.readString(lease);

            Process second = job(manifest, out, dir.resolve("second.log"));
            assertThat(second.waitFor(3, TimeUnit.MINUTES)).as("second job ended").isTrue();
            String secondLog = Files.readString(dir.resolve("second.log"));

            assertThat(second.exitValue()).as("exit code of the second job\n" + secondLog).isEqualTo(1);
            assertThat(secondLog).as("the second job's message").contains("is in use by run")
                    .contains(holder.replaceAll(".*\"run\":\"([^\"]+)\".*", "$1"))
                    .doesNotContain("\tat ");
            assertThat(first.isAlive()).as("the first job, still running").isTrue();

            Thread feeder = release(pipe);
            assertThat(first.waitFor(3, TimeUnit.MINUTES)).as("first job ended").isTrue();
            feeder.interrupt();
            // it ran to its end; its one row failed, the pipe having given it no audio
            assertThat(first.exitValue()).as("exit code of the first job\n" + Files.readString(dir.resolve("first.log")))
                    .isEqualTo(3);
            assertThat(lease).as("the lease after the first job").doesNotExist();
            assertThat(out.resolve("results.csv")).as("the first job's results").exists();
        } finally {
            first.destroyForcibly();
        }
    }

    private static Process job(Path manifest, Path out, Path log) throws IOException {
        return CliProcess.start(log, "batch", "--manifest", manifest.toString(), "--out", out.toString(),
                "--models", DEMO_MODELS.toString(), "--master", "local[1]", "--row-timeout", "600");
    }

    /** Answers every read of the pipe with end of file, from now on. */
    private static Thread release(Path pipe) {
        Thread feeder = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try (OutputStream open = Files.newOutputStream(pipe)) {
                    open.flush();
                } catch (IOException e) {
                    return;
                }
            }
        }, "pipe-feeder");
        feeder.setDaemon(true);
        feeder.start();
        return feeder;
    }

    private interface Check {
        boolean holds() throws IOException;
    }

    private static void waitFor(Check check, Process job, String what) throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < end && job.isAlive()) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (IOException notYet) {
                // the file is not there yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("waited in vain for " + what);
    }
}
