package dittospark.job;

import dittospark.engine.RenderResult;
import dittospark.errors.ErrorKind;
import dittospark.udf.ResultRow;
import dittospark.video.SourceKind;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsWriterTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
    private static final ResultRow.Place PLACE = new ResultRow.Place("demo", "abc", "cpu", "1", 0);
    private static final List<ResultRow> ROWS = List.of(
            ResultRow.succeeded("ok", "file:/o/ok.mp4",
                    new RenderResult(SourceKind.IMAGE, 512, 512, 100, 4.0, 2.0, Map.of("decode", 0.5, "warp", 1.5), "cpu", "libx264",
                            1234, "ff00", "ABC".getBytes(StandardCharsets.US_ASCII)),
                    PLACE, T0, T0.plusSeconds(2)),
            ResultRow.failed("bad", "file:/o/bad.mp4", ErrorKind.BAD_OPTION, "option 'emo' must be <= 7, got \"9\"",
                    ResultRow.Place.DRIVER, T0, T0),
            ResultRow.skipped("old", "file:/o/old.mp4", PLACE, T0, T0));
    private static final RunSummary SUMMARY = RunSummary.of("run-1", "file:/m.csv", "file:/o", "demo", "local[2]",
            1, List.of("1/cpu"), ROWS, 10.0, Map.of("render", 8.0));

    @TempDir
    static java.nio.file.Path dir;

    @BeforeAll
    static void write() throws Exception {
        ResultsWriter.write(TestSpark.session(), new Path(dir.toUri()), ROWS, SUMMARY, new Configuration());
    }

    @Test
    void writesAParquetTableWithTheProductColumnsLanguageAndRunId() {
        Dataset<Row> table = TestSpark.session().read().parquet(dir.resolve("_results").toString());

        assertThat(table.columns()).as("columns").containsExactly("id", "status", "output", "error_kind",
                "error_message", "source_kind", "width", "height", "frames", "audio_seconds", "render_seconds", "fps",
                "stage_seconds", "model_set", "model_hash", "provider", "encoder", "executor_id", "attempt", "output_bytes",
                "output_sha256", "started_at", "finished_at", "language", "run_id");
        assertThat(table.count()).as("rows").isEqualTo(3);
        Row ok = table.filter("id = 'ok'").first();
        assertThat(ok.<String, Double>getJavaMap(ok.fieldIndex("stage_seconds"))).as("stage seconds")
                .containsEntry("warp", 1.5);
        assertThat(ok.getLong(ok.fieldIndex("output_bytes"))).as("output bytes").isEqualTo(1234);
    }

    @Test
    void writesCsvWithAHeaderAndOneLinePerRow() throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve("results.csv"));

        assertThat(lines).as("lines").hasSize(4);
        assertThat(lines.get(0)).as("header").startsWith("id,status,output,error_kind,error_message");
        assertThat(lines.get(2)).as("failed row with quoted message")
                .contains("BAD_OPTION,\"option 'emo' must be <= 7, got \"\"9\"\"\"");
    }

    @Test
    void reportsCountsFailuresAndThumbnails() throws Exception {
        String html = Files.readString(dir.resolve("report.html"));

        assertThat(html).as("summary counts").contains("<div class=\"tile \"><b>3</b><span>rows",
                "<div class=\"tile SUCCEEDED\"><b>1</b>", "<div class=\"tile FAILED\"><b>1</b>",
                "<div class=\"tile SKIPPED\"><b>1</b>");
        assertThat(html).as("failure grouped under its kind, message escaped")
                .contains("<h3>BAD_OPTION · 1 row</h3>")
                .contains("option &#39;emo&#39; must be &lt;= 7, got &quot;9&quot;");
        assertThat(html).as("thumbnail inlined and linked to its video, relative to the report")
                .contains("<a class=\"thumb\" href=\"./ok.mp4\" title=\"file:/o/ok.mp4\"><img alt=\"ok\" "
                        + "src=\"data:image/jpeg;base64,QUJD\">");
        assertThat(html).as("stage milliseconds per frame, in pipeline order")
                .contains("warp: 15.00 ms", "decode: 5.00 ms");
        assertThat(html.indexOf("warp: 15.00 ms")).as("warp before decode").isLessThan(html.indexOf("decode: 5.00 ms"));
        assertThat(html).as("throughput").contains("<b>10.00</b><span>frames per second of wall time");
        assertThat(html).as("this run among the runs of the folder").contains("<tr class=\"current\"><td><code>run-1");
    }

    @Test
    void keepsTheRunsOwnTableBesideTheCurrentOneWhichReadsWithoutIt() {
        Dataset<Row> run = TestSpark.session().read().parquet(dir.resolve("_results/_runs/run-1").toString());

        assertThat(run.count()).as("rows of the run's own table").isEqualTo(3);
        assertThat(OutputFolder.names(dir.resolve("_results"))).as("the table's folder")
                .contains("_runs").noneMatch(n -> n.startsWith("_staging"));
    }

    @Test
    void aSecondRunThatSkipsARowKeepsTheFirstRunsRowInTheCurrentTable() throws Exception {
        java.nio.file.Path out = Files.createDirectories(dir.resolve("again"));
        ResultsWriter.write(TestSpark.session(), new Path(out.toUri()), ROWS.stream().map(r -> r.withRun("run-1")).toList(),
                SUMMARY, new Configuration());
        List<ResultRow> rerun = List.of(ResultRow.skipped("ok", "file:/o/ok.mp4", PLACE, T0, T0).withRun("run-2"));
        RunSummary second = RunSummary.of("run-2", "file:/m.csv", "file:/o", "demo", "local[2]", 1, List.of(), rerun,
                1.0, Map.of());

        List<ResultRow> current = ResultsWriter.write(TestSpark.session(), new Path(out.toUri()), rerun, second,
                new Configuration());

        assertThat(current).as("current rows").extracting(ResultRow::id).containsExactly("ok", "bad", "old");
        assertThat(current.get(0).runId()).as("run that made 'ok'").isEqualTo("run-1");
        assertThat(current.get(0).frames()).as("frames of 'ok'").isEqualTo(100);
        assertThat(TestSpark.session().read().parquet(out.resolve("_results").toString()).count())
                .as("rows of the current table").isEqualTo(3);
        assertThat(OutputFolder.names(out.resolve("_results/_runs"))).as("run tables").containsExactly("run-1", "run-2");
    }
}
