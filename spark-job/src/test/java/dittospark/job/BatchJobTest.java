package dittospark.job;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import dittospark.errors.ErrorKind;
import dittospark.models.ModelContracts;
import dittospark.models.ModelSpec;
import dittospark.udf.ExecutorRendering;
import dittospark.udf.RowRenderer;
import dittospark.udf.RowStatus;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The job through Spark without rendering: every row fails validation, is skipped, or fails to render. */
class BatchJobTest {
    private static final Path SAMPLES = Path.of(System.getProperty("samples.dir"));

    @TempDir
    Path dir;

    @Test
    void badRowsExistingOutputsAndEngineFailuresAllEndAsResultRows() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("done.mp4"), "an earlier run's output");
        Path manifest = Files.writeString(dir.resolve("m.csv"), "id,source,audio,options\n"
                + "done," + SAMPLES.resolve("portrait.png") + "," + SAMPLES.resolve("speech_24k.wav") + ",\n"
                + "broken," + SAMPLES.resolve("portrait.png") + "," + SAMPLES.resolve("speech_24k.wav") + ",\n"
                + "bad id!,p.png,s.wav,\n"
                + "opt,p.png,s.wav,\"{\"\"emo\"\": 99}\"\n"
                + "web,http://example.com/p.png,s.wav,\n");

        RunSummary summary = run(manifest, out, false);

        Map<String, Row> rows = results(out);
        assertThat(status(rows, "done")).as("row whose output exists").isEqualTo("SKIPPED");
        assertThat(status(rows, "broken")).as("row the engine cannot render (fake models)").isEqualTo("FAILED");
        assertThat(errorKind(rows, "opt")).as("row with a bad option").isEqualTo(ErrorKind.BAD_OPTION.name());
        assertThat(errorKind(rows, "web")).as("row with an http source").isEqualTo(ErrorKind.UNSUPPORTED_URI.name());
        assertThat(errorKind(rows, "bad id!")).as("row with a bad id").isEqualTo(ErrorKind.BAD_ROW.name());
        assertThat(summary.line()).as("summary line")
                .startsWith("dittospark batch: 5 rows, 0 succeeded, 4 failed, 1 skipped, wall ");
        assertThat(Files.readString(out.resolve("done.mp4"))).as("the skipped row's output")
                .isEqualTo("an earlier run's output");
        assertThat(out.resolve("broken.mp4")).as("output of a failed row").doesNotExist();
        assertThat(out.resolve("report.html")).as("report").exists();
    }

    @Test
    void recordsWhereEachRenderedRowRan() throws Exception {
        Path out = dir.resolve("out");
        Path manifest = Files.writeString(dir.resolve("m.csv"), "id,source,audio\n"
                + "a," + SAMPLES.resolve("portrait.png") + "," + SAMPLES.resolve("speech_24k.wav") + "\n");

        run(manifest, out, false);

        Row a = results(out).get("a");
        assertThat(a.getString(a.fieldIndex("provider"))).as("provider without a GPU").isEqualTo("cpu");
        assertThat(a.getString(a.fieldIndex("model_hash"))).as("model hash").hasSize(64);
        assertThat(a.getString(a.fieldIndex("executor_id"))).as("executor").isEqualTo("driver");
    }

    @Test
    void aGpuTheTasksCannotUseFailsTheirRowsNotTheJob() throws Exception {
        assumeFalse(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA), "this build has CUDA");
        Path out = dir.resolve("out");
        Path manifest = Files.writeString(dir.resolve("m.csv"), "id,source,audio\n"
                + "a," + SAMPLES.resolve("portrait.png") + "," + SAMPLES.resolve("speech_24k.wav") + "\n");
        SparkContext spark = TestSpark.session().sparkContext();
        spark.setLocalProperty(ExecutorRendering.DEVICE_CONF, "cuda:0");
        try {
            PrintStream console = new PrintStream(new ByteArrayOutputStream());
            new BatchJob(TestSpark.session(), console).run(new BatchOptions(manifest.toString(), out.toString(),
                    System.getProperty("demo.models.dir"), null, false, null, 1, RowRenderer.DEFAULT_DEADLINE));
        } finally {
            spark.setLocalProperty(ExecutorRendering.DEVICE_CONF, null);
        }

        Row a = results(out).get("a");
        assertThat(a.getString(a.fieldIndex("status"))).as("status").isEqualTo("FAILED");
        assertThat(a.getString(a.fieldIndex("error_kind"))).as("error kind")
                .isEqualTo(ErrorKind.DEVICE_UNAVAILABLE.name());
        assertThat(a.getString(a.fieldIndex("error_message"))).as("message").contains("cuda:0", "no CUDA provider");
    }

    @Test
    void stopsBeforeAnyWorkOnAManifestWithoutRequiredColumns() throws Exception {
        Path out = dir.resolve("out");
        Path manifest = Files.writeString(dir.resolve("m.csv"), "name,picture\na,b\n");

        ManifestException e = catchThrowableOfType(ManifestException.class, () -> run(manifest, out, false));

        assertThat(e.getMessage()).as("message").contains("has no column id, source, audio");
        assertThat(out).as("output folder").doesNotExist();
    }

    private RunSummary run(Path manifest, Path out, boolean overwrite) throws Exception {
        Path models = fakeModels(dir.resolve("models"));
        PrintStream console = new PrintStream(new ByteArrayOutputStream());
        return new BatchJob(TestSpark.session(), console).run(new BatchOptions(manifest.toString(), out.toString(),
                models.toString(), null, overwrite, null, 2, RowRenderer.DEFAULT_DEADLINE));
    }

    private static Map<String, Row> results(Path out) {
        Map<String, Row> rows = new HashMap<>();
        for (Row r : TestSpark.session().read().parquet(out.resolve("_results").toString()).collectAsList()) {
            rows.put(r.getString(0), r);
        }
        return rows;
    }

    private static String status(Map<String, Row> rows, String id) {
        return rows.get(id).getString(1);
    }

    private static String errorKind(Map<String, Row> rows, String id) {
        return rows.get(id).getString(3);
    }

    /** A folder with every contract file present, holding no real model. */
    static Path fakeModels(Path folder) throws IOException {
        List<String> files = new java.util.ArrayList<>(ModelContracts.release().models().stream().map(ModelSpec::file).toList());
        files.add(ModelContracts.release().configFiles().get(0));
        for (String f : files) {
            Files.createDirectories(folder.resolve(f).getParent());
            Files.writeString(folder.resolve(f), f);
        }
        return folder;
    }
}
