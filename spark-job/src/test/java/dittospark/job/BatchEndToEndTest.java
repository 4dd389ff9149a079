package dittospark.job;

import dittospark.udf.OutputPublisher;
import dittospark.udf.RowRenderer;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job in local mode with the demo models over a manifest of good rows and every kind of bad row,
 * then the same job again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BatchEndToEndTest {
    private static final Path SAMPLES = Path.of(System.getProperty("samples.dir"));
    private static final Path DEMO_MODELS = Path.of(System.getProperty("demo.models.dir"));

    @TempDir
    static Path dir;
    private static Path manifest;
    private static Path out;
    private static RunSummary first;
    private static RunSummary rerun;

    @BeforeAll
    static void manifest() throws Exception {
        Path audio = Wavs.head(SAMPLES.resolve("speech_24k.wav"), 1.0, dir.resolve("speech_1s.wav"));
        String image = SAMPLES.resolve("portrait.png").toString();
        String video = SAMPLES.resolve("portrait_clip_3s.mp4").toString();
        manifest = Files.writeString(dir.resolve("manifest.csv"), String.join("\n",
                "id,source,audio,language,options",
                "image-en," + image + "," + audio + ",en,",
                "video-fr," + video + "," + audio + ",fr,\"{\"\"emo\"\": 4}\"",
                ",p.png,s.wav,en,",
                "bad/id," + image + "," + audio + ",en,",
                "image-en," + image + "," + audio + ",de,",
                "option," + image + "," + audio + ",en,\"{\"\"sampling_timesteps\"\": 0}\"",
                "scheme,ftp://host/p.png," + audio + ",en,",
                "no-source," + dir.resolve("missing.png") + "," + audio + ",en,") + "\n");
        out = dir.resolve("out");
    }

    @Test
    @Order(1)
    void rendersTheGoodRowsAndFailsEveryBadOne() throws Exception {
        first = run();
        RunSummary summary = first;

        Map<Integer, Row> rows = results();
        assertThat(status(rows, 1)).as("image row " + message(rows, 1)).isEqualTo("SUCCEEDED");
        assertThat(status(rows, 2)).as("video row " + message(rows, 2)).isEqualTo("SUCCEEDED");
        assertThat(errorKind(rows, 3)).as("row without id").isEqualTo("BAD_ROW");
        assertThat(errorKind(rows, 4)).as("row with an invalid id").isEqualTo("BAD_ROW");
        assertThat(errorKind(rows, 5)).as("row with a duplicate id").isEqualTo("BAD_ROW");
        assertThat(errorKind(rows, 6)).as("row with an out-of-range option").isEqualTo("BAD_OPTION");
        assertThat(errorKind(rows, 7)).as("row with an ftp source").isEqualTo("UNSUPPORTED_URI");
        assertThat(errorKind(rows, 8)).as("row with a missing source").isEqualTo("SOURCE_UNREADABLE");
        assertThat(summary.succeeded()).as("succeeded rows").isEqualTo(2);
        assertThat(OutputFolder.names(out)).as("output folder")
                .containsExactly("_results", "image-en.mp4", "report.html", "results.csv", "video-fr.mp4")
                .noneMatch(n -> n.startsWith(OutputPublisher.TEMP_PREFIX));
    }

    @Test
    @Order(2)
    void eachOutputDecodesWithItsFrameCount() throws Exception {
        Map<Integer, Row> rows = results();
        for (int row : new int[]{1, 2}) {
            Row r = rows.get(row);
            Path mp4 = out.resolve(r.getString(0) + ".mp4");
            assertThat(FrameCounter.count(mp4)).as("decoded frames of " + mp4.getFileName())
                    .isEqualTo(r.getInt(r.fieldIndex("frames")))
                    .isGreaterThan(0);
        }
    }

    @Test
    @Order(3)
    void aRerunSkipsEveryRenderedRowAndRendersNothing() throws Exception {
        FileTime before = Files.getLastModifiedTime(out.resolve("image-en.mp4"));

        rerun = run();

        Map<Integer, Row> rows = table(out.resolve("_results/_runs").resolve(rerun.runId()));
        assertThat(status(rows, 1)).as("image row in the rerun's own table").isEqualTo("SKIPPED");
        assertThat(status(rows, 2)).as("video row in the rerun's own table").isEqualTo("SKIPPED");
        assertThat(rerun.succeeded()).as("rows rendered on rerun").isZero();
        assertThat(Files.getLastModifiedTime(out.resolve("image-en.mp4"))).as("output time").isEqualTo(before);
    }

    @Test
    @Order(4)
    void afterTheRerunTheCurrentResultsKeepTheFirstRunsRenders() {
        Map<Integer, Row> current = results();
        Map<Integer, Row> firstRun = table(out.resolve("_results/_runs").resolve(first.runId()));

        for (int line : new int[]{1, 2}) {
            Row r = current.get(line);
            assertThat(status(current, line)).as("current status of line " + line).isEqualTo("SUCCEEDED");
            assertThat(r.getString(r.fieldIndex("run_id"))).as("run that made line " + line).isEqualTo(first.runId());
            assertThat(r.getInt(r.fieldIndex("frames"))).as("frames of line " + line)
                    .isEqualTo(firstRun.get(line).getInt(r.fieldIndex("frames")));
        }
        assertThat(current).as("current rows").hasSize(8);
        assertThat(errorKind(current, 6)).as("current state of the row with a bad option").isEqualTo("BAD_OPTION");
    }

    private static RunSummary run() throws Exception {
        return new BatchJob(TestSpark.session(), new PrintStream(new ByteArrayOutputStream()))
                .run(new BatchOptions(manifest.toString(), out.toString(), DEMO_MODELS.toString(), null, false, null, 2,
                        RowRenderer.DEFAULT_DEADLINE));
    }

    /** Current result rows by manifest line (the table keeps manifest order). */
    private static Map<Integer, Row> results() {
        return table(out.resolve("_results"));
    }

    private static Map<Integer, Row> table(Path folder) {
        Map<Integer, Row> rows = new HashMap<>();
        int line = 0;
        for (Row r : TestSpark.session().read().parquet(folder.toString()).collectAsList()) {
            rows.put(++line, r);
        }
        return rows;
    }

    private static String status(Map<Integer, Row> rows, int line) {
        return rows.get(line).getString(1);
    }

    private static String errorKind(Map<Integer, Row> rows, int line) {
        return rows.get(line).getString(3);
    }

    private static String message(Map<Integer, Row> rows, int line) {
        return "(" + rows.get(line).getString(4) + ")";
    }
}
