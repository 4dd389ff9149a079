package dittospark.udf;

import dittospark.files.LocalFiles;
import com.fasterxml.jackson.databind.JsonNode;
import dittospark.engine.DemoModels;
import dittospark.media.FfmpegCli;
import dittospark.media.Samples;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The UDFs in a local Spark session over the demo models: one manifest rendered from SQL and once more
 * through the DataFrame API (one good row, three bad ones each), and the probes on the samples.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DittoUdfsTest {
    private static final String SMALL = "{\"max_size\": 256}";
    private static final StructType MANIFEST = new StructType()
            .add("id", DataTypes.StringType).add("source", DataTypes.StringType).add("audio", DataTypes.StringType)
            .add("output", DataTypes.StringType).add("options", DataTypes.StringType);

    private Path work;
    private SparkSession spark;
    private String portrait;
    private String speech;
    private String notAPicture;
    /** Result structs by API ("sql", "api") and row id. */
    private final Map<String, Map<String, Row>> results = new HashMap<>();

    @BeforeAll
    void renderTheManifestTwice() throws Exception {
        FfmpegCli.assumeInstalled();
        work = Files.createTempDirectory("udfs-");
        Path cut = Samples.speech(work, 0, 1.5);
        speech = cut.toUri().toString();
        portrait = Samples.file("portrait.png").toUri().toString();
        notAPicture = Files.writeString(work.resolve("notes.png"), "not a picture").toUri().toString();
        spark = SparkSession.builder().master("local[2]").appName("dittospark udf tests")
                .config("spark.ui.enabled", false).getOrCreate();
        DittoUdfs.register(spark, DemoModels.folder().toString());

        manifest("sql").createOrReplaceTempView("manifest");
        results.put("sql", byId(spark.sql("SELECT id, ditto_render(source, audio, output, options) AS r FROM manifest")));
        results.put("api", byId(manifest("api").select(functions.col("id"), functions.callUDF(DittoUdfs.RENDER,
                functions.col("source"), functions.col("audio"), functions.col("output"), functions.col("options"))
                .as("r"))));
    }

    @AfterAll
    void stop() throws Exception {
        if (spark != null) {
            spark.stop();
        }
        if (work != null) {
            LocalFiles.deleteRecursively(work);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sql", "api"})
    void aGoodRowSucceedsWithAnMp4ThatDecodes(String api) {
        Row r = results.get(api).get("good");
        Path out = work.resolve(api).resolve("good.mp4");

        assertThat(r.<String>getAs("status")).as("status, error " + r.getAs("error_message")).isEqualTo("SUCCEEDED");
        JsonNode video = FfmpegCli.stream(FfmpegCli.probe(out), "video");
        assertThat(video.path("nb_read_frames").asInt()).as("decoded frames").isEqualTo(r.<Integer>getAs("frames"));
        assertThat(r.<Long>getAs("output_bytes")).as("recorded size").isEqualTo(out.toFile().length());
        assertThat(r.<Double>getAs("audio_seconds")).as("seconds of audio").isCloseTo(1.5, within(0.05));
        assertThat(r.<String>getAs("provider")).as("provider").isEqualTo("cpu");
    }

    @ParameterizedTest(name = "{0}: row {1}")
    @CsvSource({
            "sql, missing, SOURCE_UNREADABLE, missing.png",
            "api, missing, SOURCE_UNREADABLE, missing.png",
            "sql, option, BAD_OPTION, no_such_option",
            "api, option, BAD_OPTION, no_such_option",
            "sql, text, SOURCE_UNREADABLE, notes.png",
            "api, text, SOURCE_UNREADABLE, notes.png"})
    void aBadRowIsAFailedStructNamingItsProblem(String api, String id, String kind, String named) {
        Row r = results.get(api).get(id);

        assertThat(List.of(r.getAs("status"), r.getAs("error_kind"))).as("status and error kind")
                .containsExactly("FAILED", kind);
        assertThat(r.<String>getAs("error_message")).as("message").contains(named);
        assertThat(work.resolve(api).resolve(id + ".mp4")).as("output of the failed row").doesNotExist();
    }

    @Test
    void theResultStructHasTheResultsTableColumns() {
        StructType struct = (StructType) spark.table("manifest")
                .selectExpr("ditto_render(source, audio, output, options) AS r").schema().apply("r").dataType();

        assertThat(struct.fieldNames()).as("struct fields")
                .containsExactlyElementsOf(ResultRow.tableColumns());
    }

    @Test
    void aRowWhoseOutputExistsIsSkipped() throws Exception {
        Path out = Files.writeString(Files.createDirectories(work.resolve("skip")).resolve("done.mp4"), "earlier");

        Row r = single("ditto_render('" + portrait + "', '" + speech + "', '" + out.toUri() + "', NULL)");

        assertThat(r.<String>getAs("status")).as("status").isEqualTo("SKIPPED");
        assertThat(Files.readString(out)).as("existing output").isEqualTo("earlier");
    }

    @Test
    void aNullAudioIsABadRow() {
        Row r = single("ditto_render('" + portrait + "', NULL, '" + work.resolve("null.mp4").toUri() + "', NULL)");

        assertThat(r.<String>getAs("error_kind")).as("error kind").isEqualTo("BAD_ROW");
    }

    @Test
    void thePortraitShowsAFaceInsideThePicture() {
        Row p = single("ditto_probe_source('" + portrait + "')");

        assertThat(List.of(p.getAs("kind"), p.getAs("width"), p.getAs("height"), p.getAs("frames")))
                .as("kind, width, height, frames").containsExactly("IMAGE", 1432, 1432, 1);
        assertThat(p.<Boolean>getAs("face_found")).as("face found").isTrue();
        List<Float> box = p.getList(p.fieldIndex("face_box"));
        assertThat(box).as("face box").hasSize(4);
        assertThat(List.of(box.get(0), box.get(1))).as("top left corner").allSatisfy(v -> assertThat(v).isBetween(0f, 1432f));
        assertThat(box.get(2)).as("right edge").isGreaterThan(box.get(0)).isLessThanOrEqualTo(1432f);
        assertThat(box.get(3)).as("bottom edge").isGreaterThan(box.get(1)).isLessThanOrEqualTo(1432f);
    }

    @Test
    void theSampleVideoIsProbedAsAVideo() {
        Path clip = Samples.file("portrait_clip_3s.mp4");
        JsonNode expected = FfmpegCli.stream(FfmpegCli.probe(clip), "video");

        Row p = single("ditto_probe_source('" + clip + "')");

        assertThat(List.of(p.getAs("kind"), p.getAs("width"), p.getAs("height"))).as("kind, width, height")
                .containsExactly("VIDEO", expected.path("width").asInt(), expected.path("height").asInt());
        assertThat(p.<Integer>getAs("frames")).as("frames")
                .isCloseTo(expected.path("nb_read_frames").asInt(), within(1));
        assertThat(p.<Double>getAs("fps")).as("fps").isGreaterThan(0);
        assertThat(p.<Boolean>getAs("face_found")).as("face found").isTrue();
    }

    @Test
    void aTextFileIsProbedAsNoSource() {
        Row p = single("ditto_probe_source('" + notAPicture + "')");

        assertThat(p.<String>getAs("kind")).as("kind").isNull();
        assertThat(p.<Boolean>getAs("face_found")).as("face found").isFalse();
    }

    @Test
    void theSampleSpeechLasts15_75Seconds() {
        Row r = spark.sql("SELECT ditto_audio_seconds('" + Samples.file("speech_24k.wav").toUri() + "') AS s").first();

        assertThat(r.getDouble(0)).as("seconds").isCloseTo(15.75, within(0.01));
    }

    @Test
    void anUnreadableAudioHasNoDuration() {
        Row r = spark.sql("SELECT ditto_audio_seconds('" + notAPicture + "') AS s").first();

        assertThat(r.isNullAt(0)).as("duration is null").isTrue();
    }

    private Dataset<Row> manifest(String api) {
        return spark.createDataFrame(List.of(
                RowFactory.create("good", portrait, speech, output(api, "good"), SMALL),
                RowFactory.create("missing", work.resolve("missing.png").toUri().toString(), speech,
                        output(api, "missing"), SMALL),
                RowFactory.create("option", portrait, speech, output(api, "option"),
                        "{\"max_size\": 256, \"no_such_option\": 1}"),
                RowFactory.create("text", notAPicture, speech, output(api, "text"), SMALL)), MANIFEST);
    }

    private String output(String api, String id) {
        return work.resolve(api).resolve(id + ".mp4").toUri().toString();
    }

    private static Map<String, Row> byId(Dataset<Row> rendered) {
        Map<String, Row> out = new HashMap<>();
        for (Row row : rendered.collectAsList()) {
            out.put(row.getString(0), row.getStruct(1));
        }
        return out;
    }

    /** The struct of one UDF call over literals. */
    private Row single(String call) {
        return spark.sql("SELECT " + call + " AS r").first().getStruct(0);
    }
}
