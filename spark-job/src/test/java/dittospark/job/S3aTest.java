package dittospark.job;

import dittospark.engine.LocalModels;
import dittospark.engine.RenderResult;
import dittospark.udf.HadoopFiles;
import dittospark.udf.ModelFolderCache;
import dittospark.udf.OutputPublisher;
import dittospark.udf.RenderTask;
import dittospark.udf.ResultRow;
import dittospark.udf.RowRenderer;
import dittospark.udf.RowStatus;
import dittospark.video.SourceKind;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Models, inputs and outputs on s3a:// against a real S3 API server. */
class S3aTest {
    private static final Path SAMPLES = Path.of(System.getProperty("samples.dir"));
    private static final ResultRow.Place PLACE = new ResultRow.Place("s3a://media/models", "h", "cpu", "1", 0);

    @TempDir
    static Path dir;
    private static S3Server s3;
    private static Configuration conf;

    @BeforeAll
    static void start() throws Exception {
        s3 = new S3Server(Files.createDirectories(dir.resolve("s3")));
        conf = HadoopFiles.configuration(s3.hadoop());
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
    }

    @Test
    void copiesAModelFolderToTheLocalCacheVerified() throws Exception {
        Path models = BatchJobTest.fakeModels(dir.resolve("models-a"));
        s3.putFolder("models-a", models);
        Path cache = dir.resolve("cache-a");

        LocalModels local = new ModelFolderCache(cache).local(S3Server.uri("models-a"), conf);

        assertThat(local.folder().getParent()).as("folder of the copy").isEqualTo(cache);
        assertThat(OutputFolder.names(cache)).as("cache folder (no half-done copies)").hasSize(1);
        assertThat(local.hash()).as("hash of the copy").isEqualTo(new ModelFolderCache(cache)
                .local(models.toString(), conf).hash());
    }

    @Test
    void copiesAModelFolderOncePerJvm() throws Exception {
        s3.putFolder("models-b", BatchJobTest.fakeModels(dir.resolve("models-b")));
        ModelFolderCache cache = new ModelFolderCache(dir.resolve("cache-b"));
        LocalModels first = cache.local(S3Server.uri("models-b"), conf);
        Files.writeString(first.folder().resolve("marker"), "still the first copy");

        LocalModels second = cache.local(S3Server.uri("models-b"), conf);

        assertThat(second.folder().resolve("marker")).as("marker in the second lookup's folder").exists();
    }

    @Test
    void fetchesInputsAndPublishesTheOutputWithoutStrayObjects() throws Exception {
        s3.put("in/portrait.png", SAMPLES.resolve("portrait.png"));
        s3.put("in/speech.wav", SAMPLES.resolve("speech_24k.wav"));
        RenderTask task = new RenderTask("a", S3Server.uri("in/portrait.png"), S3Server.uri("in/speech.wav"),
                S3Server.uri("out-c/a.mp4"), "en", 1, null);
        AtomicLong fetchedSourceBytes = new AtomicLong();
        RowRenderer renderer = new RowRenderer(request -> {
            try {
                fetchedSourceBytes.set(Files.size(request.source()));
                Files.copy(SAMPLES.resolve("portrait_clip_3s.mp4"), request.output());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new RenderResult(SourceKind.IMAGE, 720, 720, 75, 3.0, 1.0, Map.of(), "cpu", "libx264", 1, "ff00", new byte[]{1});
        }, conf, Files.createDirectories(dir.resolve("work-c")), false, "test-run", PLACE, RowRenderer.DEFAULT_DEADLINE);

        ResultRow row = renderer.render(task);

        assertThat(fetchedSourceBytes.get()).as("size of the fetched source")
                .isEqualTo(Files.size(SAMPLES.resolve("portrait.png")));
        assertThat(row.status()).as("status (" + row.errorMessage() + ")").isEqualTo(RowStatus.SUCCEEDED);
        assertThat(s3.get("out-c/a.mp4")).as("published object")
                .isEqualTo(Files.readAllBytes(SAMPLES.resolve("portrait_clip_3s.mp4")));
        assertThat(s3.keys("out-c")).as("objects under the output prefix").containsExactly("out-c/a.mp4");
        assertThat(row.thumbnail()).as("thumbnail").isNotNull();
    }

    @Test
    void skipsARowWhoseOutputObjectExists() throws Exception {
        s3.put("out-d/a.mp4", SAMPLES.resolve("portrait_clip_3s.mp4"));
        RenderTask task = new RenderTask("a", S3Server.uri("in/none.png"), S3Server.uri("in/none.wav"),
                S3Server.uri("out-d/a.mp4"), null, 1, null);
        RowRenderer renderer = new RowRenderer(request -> {
            throw new AssertionError("nothing should render");
        }, conf, Files.createDirectories(dir.resolve("work-d")), false, "test-run", PLACE, RowRenderer.DEFAULT_DEADLINE);

        assertThat(renderer.render(task).status()).as("status").isEqualTo(RowStatus.SKIPPED);
    }

    @Test
    void theJobRendersFromS3ToS3() throws Exception {
        s3.putFolder("demo-models", Path.of(System.getProperty("demo.models.dir")));
        s3.put("job/in/portrait.png", SAMPLES.resolve("portrait.png"));
        s3.put("job/in/speech.wav", Wavs.head(SAMPLES.resolve("speech_24k.wav"), 1.0, dir.resolve("speech_1s.wav")));
        s3.put("job/manifest.csv", Files.writeString(dir.resolve("manifest.csv"),
                "id,source,audio\nface,in/portrait.png,in/speech.wav\nlost,in/none.png,in/speech.wav\n"));
        org.apache.hadoop.conf.Configuration sparkConf = TestSpark.session().sparkContext().hadoopConfiguration();
        s3.hadoop().forEach(sparkConf::set);

        RunSummary summary = new BatchJob(TestSpark.session(), new java.io.PrintStream(new java.io.ByteArrayOutputStream()))
                .run(new BatchOptions(S3Server.uri("job/manifest.csv"), S3Server.uri("job/out"),
                        S3Server.uri("demo-models"), null, false, null, 2, RowRenderer.DEFAULT_DEADLINE));

        assertThat(summary.succeeded()).as("succeeded rows").isEqualTo(1);
        assertThat(summary.failed()).as("failed rows").isEqualTo(1);
        assertThat(s3.keys("job/out/")).as("objects the job wrote")
                .contains("job/out/face.mp4", "job/out/results.csv", "job/out/report.html")
                .doesNotContain("job/out/lost.mp4")
                .allMatch(k -> !k.contains("_temporary") && !k.contains(OutputPublisher.TEMP_PREFIX),
                        "no temporary object");
        assertThat(s3.keys("job/out/_results/")).as("results table objects").anyMatch(k -> k.endsWith(".parquet"));
    }
}
