package dittospark.job;

import dittospark.udf.RowRenderer;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The job against a real full disk (a tmpfs filled to its last byte), for some rows and for the results. */
class FullDiskTest {
    private static final Path SAMPLES = Path.of(System.getProperty("samples.dir"));
    private static final Path DEMO_MODELS = Path.of(System.getProperty("demo.models.dir"));

    @TempDir
    Path dir;
    private static Path audio;

    @BeforeAll
    static void mountable(@TempDir Path shared) throws Exception {
        assumeTrue(Tmpfs.canMount(), "mounting a tmpfs needs root");
        audio = Wavs.head(SAMPLES.resolve("speech_24k.wav"), 0.5, shared.resolve("speech.wav"));
    }

    @Test
    void aRowWhoseOutputDiskIsFullFailsAndTheOthersAndTheResultsAreWritten() throws Exception {
        try (Tmpfs full = Tmpfs.mount(dir.resolve("full"), "64k")) {
            full.fill();
            Path manifest = manifest("ok=", "lost=" + full.path().resolve("lost.mp4"));
            Path out = dir.resolve("out");

            RunSummary summary = run(manifest, out);

            List<Row> rows = results(out);
            assertThat(summary.succeeded()).as("rows rendered").isEqualTo(1);
            assertThat(rows).as("result rows").hasSize(2);
            Row lost = rows.get(1);
            assertThat(lost.getString(1)).as("status of the row on the full disk").isEqualTo("FAILED");
            assertThat(lost.getString(3)).as("error kind").isEqualTo("OUTPUT_FAILED");
            assertThat(lost.getString(4)).as("message").contains("no space left");
            assertThat(out.resolve("report.html")).as("report").exists();
            assertThat(Files.list(full.path()).map(p -> p.getFileName().toString()).toList())
                    .as("files on the full disk").containsExactly("filler");
        }
    }

    @Test
    void aFullResultsDiskStopsTheRunWithOneLineAndTheNextRunResumes() throws Exception {
        Path video = dir.resolve("videos/a.mp4");
        Path manifest = manifest("a=" + video);
        try (Tmpfs disk = Tmpfs.mount(dir.resolve("out"), "64k")) {
            disk.fill();
            // room for the run's lease, not for the results table
            freeOnePage(disk.path().resolve("filler"));

            JobException e = catchThrowableOfType(JobException.class, () -> run(manifest, disk.path()));

            assertThat(e).as("failure of a run whose results folder is full").isNotNull();
            assertThat(e.getMessage()).as("message").contains("cannot write the results").contains("no space left")
                    .doesNotContain("\n");
            assertThat(video).as("the row's video, published before the results").exists();

            Files.delete(disk.path().resolve("filler"));
            disk.resize("64m");
            RunSummary rerun = run(manifest, disk.path());

            assertThat(rerun.skipped()).as("rows the rerun found done").isEqualTo(1);
            assertThat(results(disk.path())).as("results of the rerun").hasSize(1);
        }
    }

    @Test
    void aFullOutputFolderStopsTheRunBeforeAnyWorkWithOneLine() throws Exception {
        Path manifest = manifest("a=");
        try (Tmpfs disk = Tmpfs.mount(dir.resolve("out"), "64k")) {
            disk.fill();

            JobException e = catchThrowableOfType(JobException.class, () -> run(manifest, disk.path()));

            assertThat(e).as("failure of a run whose output folder is full").isNotNull();
            assertThat(e.getMessage()).as("message").contains("no space left").doesNotContain("\n");
        }
    }

    private static void freeOnePage(Path filler) throws Exception {
        try (var channel = java.nio.channels.FileChannel.open(filler, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 4096);
        }
    }

    /** A manifest of the sample portrait and speech, a row per {@code id=output} pair (an empty output: the default). */
    private Path manifest(String... rows) throws Exception {
        StringBuilder csv = new StringBuilder("id,source,audio,output\n");
        for (String row : rows) {
            String[] idOutput = row.split("=", -1);
            csv.append(idOutput[0]).append(',').append(SAMPLES.resolve("portrait.png")).append(',').append(audio)
                    .append(',').append(idOutput[1]).append('\n');
        }
        return Files.writeString(dir.resolve("manifest.csv"), csv);
    }

    private static RunSummary run(Path manifest, Path out) throws Exception {
        return new BatchJob(TestSpark.session(), new PrintStream(new ByteArrayOutputStream()))
                .run(new BatchOptions(manifest.toString(), out.toString(), DEMO_MODELS.toString(), null, false, null, 1,
                        RowRenderer.DEFAULT_DEADLINE));
    }

    private static List<Row> results(Path out) {
        return TestSpark.session().read().parquet(out.resolve("_results").toString()).collectAsList();
    }
}
