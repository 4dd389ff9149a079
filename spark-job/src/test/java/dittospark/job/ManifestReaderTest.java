package dittospark.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ManifestReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsCsvWithAHeaderAndQuotedJsonOptions() throws Exception {
        Path csv = Files.writeString(dir.resolve("m.csv"), """
                id,source,audio,options
                a,s.png,a.wav,"{""emo"": 3, ""crop_scale"": 2.3}"
                b,t.mp4,b.wav,
                """);

        Manifest m = ManifestReader.read(TestSpark.session(), csv.toString(), ManifestFormat.CSV);

        assertThat(m.rows()).as("rows").hasSize(2);
        assertThat(m.rows().get(0).get("options")).as("options cell").isEqualTo("{\"emo\": 3, \"crop_scale\": 2.3}");
        assertThat(m.rows().get(1).get("source")).as("second source").isEqualTo("t.mp4");
        assertThat(m.rows().get(1).get("options")).as("empty options cell").isNull();
    }

    @Test
    void readsJsonLinesKeepingEachRowsOptionTypes() throws Exception {
        Path jsonl = Files.writeString(dir.resolve("m.jsonl"), """
                {"id": "a", "source": "s.png", "audio": "a.wav", "options": {"sampling_timesteps": 10}, "seed": 5}

                {"id": "b", "source": "s.png", "audio": "b.wav", "options": {"sampling_timesteps": 2.5}}
                """);

        Manifest m = ManifestReader.read(TestSpark.session(), jsonl.toString(), ManifestFormat.JSONL);

        assertThat(m.rows()).as("rows (blank lines skipped)").hasSize(2);
        assertThat(m.rows().get(0).get("options")).as("integer option stays an integer")
                .isEqualTo("{\"sampling_timesteps\":10}");
        assertThat(m.rows().get(0).get("seed")).as("seed").isEqualTo("5");
    }

    @Test
    void marksAJsonLineThatIsNotAnObjectUnreadable() throws Exception {
        Path jsonl = Files.writeString(dir.resolve("m.jsonl"), """
                {"id": "a", "source": "s.png", "audio": "a.wav"}
                [1, 2
                """);

        Manifest m = ManifestReader.read(TestSpark.session(), jsonl.toString(), ManifestFormat.JSONL);

        assertThat(m.rows().get(1).unreadable()).as("problem of the broken line").contains("not valid JSON");
    }

    @Test
    void readsParquetWithTypedColumns() throws Exception {
        String parquet = dir.resolve("m.parquet").toString();
        TestSpark.session().sql("SELECT 'a' AS id, 's.png' AS source, 'a.wav' AS audio, CAST(7 AS BIGINT) AS seed, "
                + "named_struct('emo', 2) AS options").write().parquet(parquet);

        Manifest m = ManifestReader.read(TestSpark.session(), parquet, ManifestFormat.PARQUET);

        assertThat(m.rows().get(0).get("seed")).as("seed as text").isEqualTo("7");
        assertThat(m.rows().get(0).get("options")).as("struct options as JSON").isEqualTo("{\"emo\":2}");
    }

    @Test
    void rejectsAManifestThatDoesNotExist() {
        String missing = dir.resolve("missing.csv").toString();

        ManifestException e = catchThrowableOfType(ManifestException.class, () ->
                ManifestReader.read(TestSpark.session(), missing, ManifestFormat.CSV));

        assertThat(e.getMessage()).as("message")
                .isEqualTo("the manifest " + missing + " does not exist; check the path");
    }

    @Test
    void rejectsAManifestOnAFileSystemItCannotReach() {
        ManifestException e = catchThrowableOfType(ManifestException.class, () ->
                ManifestReader.read(TestSpark.session(), "nosuchscheme://host/m.csv", ManifestFormat.CSV));

        assertThat(e.getMessage()).as("message").startsWith("cannot read the manifest nosuchscheme://host/m.csv: ");
    }

    @Test
    void rejectsAManifestWithoutColumns() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");

        ManifestException e = catchThrowableOfType(ManifestException.class, () ->
                ManifestReader.read(TestSpark.session(), empty.toString(), ManifestFormat.CSV));

        assertThat(e).as("error for an empty manifest").isNotNull();
        assertThat(e.getMessage()).as("message").contains("empty.csv");
    }

    @Test
    void rejectsAManifestLackingARequiredColumn() throws Exception {
        Path csv = Files.writeString(dir.resolve("m.csv"), "id,source\na,s.png\n");

        ManifestException e = catchThrowableOfType(ManifestException.class, () ->
                ManifestReader.read(TestSpark.session(), csv.toString(), ManifestFormat.CSV));

        assertThat(e.getMessage()).as("message").contains("has no column audio");
    }

    @Test
    void acceptsTextInsteadOfAudio() throws Exception {
        Path csv = Files.writeString(dir.resolve("t.csv"), "id,source,text,language\na,s.png,\"Hello, world.\",en\n");

        Manifest m = ManifestReader.read(TestSpark.session(), csv.toString(), ManifestFormat.CSV);

        assertThat(m.rows().get(0).get("text")).as("text cell").isEqualTo("Hello, world.");
    }

    @Test
    void keepsAQuotedLineBreakInsideItsCell() throws Exception {
        Path csv = Files.writeString(dir.resolve("m.csv"), """
                id,source,text,language
                a,s.png,"First line.
                Second line.",en
                b,t.png,Next row.,fr
                """);

        Manifest m = ManifestReader.read(TestSpark.session(), csv.toString(), ManifestFormat.CSV);

        assertThat(m.rows()).as("rows").extracting(r -> r.get("id")).containsExactly("a", "b");
        assertThat(m.rows().get(0).get("text")).as("multi-line cell").isEqualTo("First line.\nSecond line.");
        assertThat(m.rows().get(1).number()).as("second row's number").isEqualTo(2);
    }

    @Test
    void rejectsAHeaderThatNamesAColumnTwice() throws Exception {
        Path csv = Files.writeString(dir.resolve("m.csv"), "id,source,audio,id\na,s.png,a.wav,b\n");

        ManifestException e = catchThrowableOfType(ManifestException.class, () ->
                ManifestReader.read(TestSpark.session(), csv.toString(), ManifestFormat.CSV));

        assertThat(e.getMessage()).as("message").contains("names the column 'id' twice").doesNotContain("id0");
    }

    @Test
    void tellsTheFormatFromTheExtension() throws Exception {
        assertThat(List.of(ManifestFormat.of("a/m.CSV"), ManifestFormat.of("m.jsonl"), ManifestFormat.of("s3a://b/m.parquet")))
                .as("formats by extension").containsExactly(ManifestFormat.CSV, ManifestFormat.JSONL, ManifestFormat.PARQUET);
    }
}
