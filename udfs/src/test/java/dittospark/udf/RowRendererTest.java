package dittospark.udf;

import dittospark.engine.RenderResult;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.files.LocalFiles;
import dittospark.video.SourceKind;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RowRendererTest {
    private static final ResultRow.Place PLACE = new ResultRow.Place("models", "hash", "cpu", "exec-1", 0);
    private static final byte[] VIDEO = "rendered".getBytes();
    private static final byte[] THUMBNAIL = "jpeg".getBytes();

    @TempDir
    Path dir;

    private final AtomicInteger renders = new AtomicInteger();

    private final RowRenderer.Renderer fake = request -> {
        renders.incrementAndGet();
        try {
            Files.write(request.output(), VIDEO);
        } catch (IOException e) {
            throw new RenderException(ErrorKind.OUTPUT_FAILED, e.getMessage(), e);
        }
        return new RenderResult(SourceKind.IMAGE, 8, 6, 25, 1.0, 0.5, Map.of("decode", 0.25), "cpu", "libx264", VIDEO.length,
                sha256(VIDEO), THUMBNAIL);
    };

    @Test
    void rendersPublishesAndRecordsTheOutput() throws Exception {
        RenderTask task = task("a", dir.resolve("out/a.mp4"));

        ResultRow row = renderer(fake, false).render(task);

        assertThat(row.status()).as("status").isEqualTo(RowStatus.SUCCEEDED);
        assertThat(Files.readAllBytes(dir.resolve("out/a.mp4"))).as("published bytes").isEqualTo(VIDEO);
        assertThat(row.outputBytes()).as("recorded size").isEqualTo(VIDEO.length);
        assertThat(row.outputSha256()).as("recorded digest")
                .isEqualTo(sha256(VIDEO));
        assertThat(row.frames()).as("recorded frames").isEqualTo(25);
        assertThat(row.executorId()).as("recorded executor").isEqualTo("exec-1");
        assertThat(row.finishedAt()).as("finish time").isAfterOrEqualTo(row.startedAt());
    }

    @Test
    void inlinesTheThumbnailOfTheRenderForTheContactSheet() throws Exception {
        ResultRow row = renderer(fake, false).render(task("a", dir.resolve("out/a.mp4")));

        assertThat(row.thumbnail()).as("thumbnail").isEqualTo(Base64.getEncoder().encodeToString(THUMBNAIL));
    }

    @Test
    void skipsARowWhoseOutputExists() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out")).resolve("a.mp4");
        Files.writeString(out, "earlier run");

        ResultRow row = renderer(fake, false).render(task("a", out));

        assertThat(row.status()).as("status").isEqualTo(RowStatus.SKIPPED);
        assertThat(renders.get()).as("renders").isZero();
    }

    @Test
    void rerendersAnExistingOutputWhenOverwriting() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out")).resolve("a.mp4");
        Files.writeString(out, "earlier run");

        ResultRow row = renderer(fake, true).render(task("a", out));

        assertThat(row.status()).as("status").isEqualTo(RowStatus.SUCCEEDED);
        assertThat(Files.readAllBytes(out)).as("bytes after overwriting").isEqualTo(VIDEO);
    }

    @Test
    void aMissingSourceIsAFailedRow() throws Exception {
        RenderTask task = new RenderTask("a", dir.resolve("nope.png").toUri().toString(), input("s.wav"),
                dir.resolve("out/a.mp4").toUri().toString(), null, 1, null);

        ResultRow row = renderer(fake, false).render(task);

        assertThat(row.errorKind()).as("error kind").isEqualTo(ErrorKind.SOURCE_UNREADABLE);
        assertThat(row.errorMessage()).as("message").contains("nope.png");
    }

    @Test
    void anEngineErrorKeepsItsKind() throws Exception {
        RowRenderer.Renderer noFace = request -> {
            throw new RenderException(ErrorKind.NO_FACE, "no face in the source");
        };

        ResultRow row = renderer(noFace, false).render(task("a", dir.resolve("out/a.mp4")));

        assertThat(row.errorKind()).as("error kind").isEqualTo(ErrorKind.NO_FACE);
        assertThat(row.errorMessage()).as("message").isEqualTo("no face in the source");
        assertThat(dir.resolve("out/a.mp4")).as("output of a failed row").doesNotExist();
    }

    @Test
    void anUnexpectedExceptionIsAnInternalFailureNotAThrow() throws Exception {
        RowRenderer.Renderer broken = request -> {
            throw new IllegalStateException("bug");
        };

        ResultRow row = renderer(broken, false).render(task("a", dir.resolve("out/a.mp4")));

        assertThat(row.status()).as("status").isEqualTo(RowStatus.FAILED);
        assertThat(row.errorKind()).as("error kind").isEqualTo(ErrorKind.INTERNAL);
    }

    @Test
    void leavesNoWorkFilesBehind() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));

        new RowRenderer(fake, new Configuration(), work, false, "test-run", PLACE, RowRenderer.DEFAULT_DEADLINE).render(task("a", dir.resolve("out/a.mp4")));

        assertThat(OutputPublisherTest.names(work)).as("work folder after a row").isEmpty();
    }

    @Test
    void anErrorThatIsNotTheJvmsOwnIsAnInternalFailureNotAThrow() throws Exception {
        RowRenderer.Renderer broken = request -> {
            throw new AssertionError("a native library's check");
        };

        ResultRow row = renderer(broken, false).render(task("a", dir.resolve("out/a.mp4")));

        assertThat(row.errorKind()).as("error kind").isEqualTo(ErrorKind.INTERNAL);
        assertThat(row.errorMessage()).as("message").contains("a native library's check");
    }

    @Test
    void aFolderAtTheOutputPathIsAFailedRowNotASkippedOne() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out/a.mp4"));

        ResultRow row = renderer(fake, false).render(task("a", out));

        assertThat(row.status()).as("status").isEqualTo(RowStatus.FAILED);
        assertThat(row.errorKind()).as("error kind").isEqualTo(ErrorKind.OUTPUT_FAILED);
        assertThat(row.errorMessage()).as("message").contains("is a folder");
        assertThat(renders.get()).as("renders").isZero();
    }

    @Test
    void aRowPastItsDeadlineFailsAsTimedOutWithoutWaitingForIt() throws Exception {
        RowRenderer.Renderer stuck = request -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new RenderException(ErrorKind.INTERNAL, "woke up");
        };

        long start = System.nanoTime();
        ResultRow row = renderer(stuck, false, Duration.ofMillis(500)).render(task("a", dir.resolve("out/a.mp4")));

        assertThat(row.errorKind()).as("error kind").isEqualTo(ErrorKind.TIMED_OUT);
        assertThat(row.errorMessage()).as("message").contains("deadline");
        assertThat((System.nanoTime() - start) / 1e9).as("seconds until the row was given up").isLessThan(10);
    }

    @Test
    void aRowThatFinishesAfterItsDeadlinePublishesNothing() throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        RowRenderer.Renderer slow = request -> {
            long until = System.nanoTime() + 1_500_000_000L;
            while (System.nanoTime() < until) {
                // ignores interrupts, as a native call would
                Thread.onSpinWait();
            }
            RenderResult result = fake.render(request);
            finished.countDown();
            return result;
        };
        Path out = dir.resolve("out/a.mp4");

        ResultRow row = renderer(slow, false, Duration.ofMillis(300)).render(task("a", out));
        assertThat(finished.await(20, TimeUnit.SECONDS)).as("the abandoned render ran to its end").isTrue();
        Thread.sleep(500);

        assertThat(row.errorKind()).as("error kind").isEqualTo(ErrorKind.TIMED_OUT);
        assertThat(out).as("output of an abandoned row").doesNotExist();
    }

    private RowRenderer renderer(RowRenderer.Renderer renderer, boolean overwrite) throws IOException {
        return renderer(renderer, overwrite, RowRenderer.DEFAULT_DEADLINE);
    }

    private RowRenderer renderer(RowRenderer.Renderer renderer, boolean overwrite, Duration deadline) throws IOException {
        return new RowRenderer(renderer, new Configuration(), Files.createDirectories(dir.resolve("work")), overwrite,
                "test-run", PLACE, deadline);
    }

    private RenderTask task(String id, Path output) throws IOException {
        return new RenderTask(id, input("s.png"), input("s.wav"), output.toUri().toString(), "en", 7, "{\"emo\": 4}");
    }

    private String input(String name) throws IOException {
        Path file = dir.resolve("in").resolve(name);
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.writeString(file, name);
        }
        return file.toString();
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(LocalFiles.sha256().digest(bytes));
    }
}
