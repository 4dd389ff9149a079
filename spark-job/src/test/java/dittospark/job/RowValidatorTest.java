package dittospark.job;

import dittospark.errors.ErrorKind;
import dittospark.udf.RenderTask;
import dittospark.udf.ResultRow;
import dittospark.udf.RowStatus;
import dittospark.udf.Seeds;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RowValidatorTest {
    private final RowValidator validator = new RowValidator(new Path("file:/data/manifests"),
            new Path("file:/data/out"), URI.create("file:///"));

    @Test
    void acceptsAGoodRowResolvingRelativeInputsAgainstTheManifestFolder() {
        RenderTask t = task(row(1, "a", "../samples/p.png", "/abs/s.wav"));

        assertThat(t.source()).as("relative source").isEqualTo("file:/data/samples/p.png");
        assertThat(t.audio()).as("absolute audio").isEqualTo("file:/abs/s.wav");
        assertThat(t.output()).as("default output").isEqualTo("file:/data/out/a.mp4");
    }

    @Test
    void resolvesARelativeOutputAgainstTheOutputFolder() {
        Map<String, String> row = row(1, "a", "p.png", "s.wav");
        row.put("output", "fr/a.mp4");

        assertThat(task(row).output()).as("relative output").isEqualTo("file:/data/out/fr/a.mp4");
    }

    @Test
    void keepsRemoteUris() {
        RenderTask t = task(row(1, "a", "s3a://bucket/p.png", "hdfs://nn:8020/s.wav"));

        assertThat(List.of(t.source(), t.audio())).as("remote inputs")
                .containsExactly("s3a://bucket/p.png", "hdfs://nn:8020/s.wav");
    }

    @Test
    void derivesTheSeedFromTheIdWhenNoneIsGiven() {
        assertThat(task(row(1, "clip-7", "p.png", "s.wav")).seed()).as("seed").isEqualTo(Seeds.fromId("clip-7"));
    }

    @Test
    void takesAGivenSeed() {
        Map<String, String> row = row(1, "a", "p.png", "s.wav");
        row.put("seed", "42");

        assertThat(task(row).seed()).as("seed").isEqualTo(42);
    }

    @Test
    void aMissingIdIsABadRow() {
        assertFails(row(3, null, "p.png", "s.wav"), ErrorKind.BAD_ROW, "row 3: the id is missing");
    }

    @Test
    void anInvalidIdIsABadRow() {
        assertFails(row(1, "a/b", "p.png", "s.wav"), ErrorKind.BAD_ROW, "the id 'a/b' must be");
    }

    @Test
    void anOverlongIdIsABadRow() {
        assertFails(row(1, "x".repeat(129), "p.png", "s.wav"), ErrorKind.BAD_ROW, "must be 1 to 128 characters");
    }

    @Test
    void aDuplicateIdFailsTheLaterRowOnly() {
        RowValidator.Validated v = validator.validate(List.of(
                new ManifestRow(1, row(1, "a", "p.png", "s.wav")), new ManifestRow(2, row(2, "a", "q.png", "s.wav"))));

        assertThat(v.tasks()).as("tasks").extracting(RowValidator.Numbered::number).containsExactly(1);
        assertThat(v.failed().get(0).value().errorMessage()).as("message").contains("already used by row 1");
        assertThat(v.failed().get(0).value().errorKind()).as("error kind").isEqualTo(ErrorKind.BAD_ROW);
    }

    @Test
    void aMissingAudioIsABadRow() {
        assertFails(row(1, "a", "p.png", null), ErrorKind.BAD_ROW, "the row has no speech");
    }

    @Test
    void anUnknownOptionIsABadOption() {
        assertFails(rowWith("options", "{\"no_such_option\": 1}"), ErrorKind.BAD_OPTION, "unknown option 'no_such_option'");
    }

    @Test
    void anOutOfRangeOptionIsABadOption() {
        assertFails(rowWith("options", "{\"emo\": 9}"), ErrorKind.BAD_OPTION, "option 'emo'");
    }

    @Test
    void anUnsupportedSchemeIsAnUnsupportedUri() {
        assertFails(row(1, "a", "http://example.com/p.png", "s.wav"), ErrorKind.UNSUPPORTED_URI, "scheme 'http'");
    }

    @Test
    void anUnsupportedFileTypeIsAnUnsupportedUri() {
        assertFails(row(1, "a", "p.gif", "s.wav"), ErrorKind.UNSUPPORTED_URI, "is not one of the file types");
    }

    @Test
    void anOutputThatIsNotMp4IsAnUnsupportedUri() {
        assertFails(rowWith("output", "a.avi"), ErrorKind.UNSUPPORTED_URI, "a.avi");
    }

    @Test
    void aSeedOutOfRangeIsABadRow() {
        assertFails(rowWith("seed", "4294967296"), ErrorKind.BAD_ROW, "the seed '4294967296'");
    }

    @Test
    void anInvalidLanguageTagIsABadRow() {
        assertFails(rowWith("language", "english language"), ErrorKind.BAD_ROW, "not a BCP-47 tag");
    }

    @Test
    void twoRowsWithOneOutputFailTheLaterRow() {
        Map<String, String> second = row(2, "b", "p.png", "s.wav");
        second.put("output", "a.mp4");

        RowValidator.Validated v = validator.validate(List.of(
                new ManifestRow(1, row(1, "a", "p.png", "s.wav")), new ManifestRow(2, second)));

        assertThat(v.failed()).as("failed rows").extracting(f -> f.value().id()).containsExactly("b");
    }

    @Test
    void anUnreadableRowIsABadRow() {
        RowValidator.Validated v = validator.validate(List.of(new ManifestRow(4, Map.of(), "the line is not valid JSON")));

        assertThat(v.failed().get(0).value().errorMessage()).as("message").isEqualTo("row 4: the line is not valid JSON");
    }

    @Test
    void aTextRowBecomesASpeechTaskWithItsLanguageAndVoice() {
        Map<String, String> row = row(1, "a", "p.png", null);
        row.put("text", "Hello there.");
        row.put("language", "en");
        row.put("voice", "f3");

        RenderTask t = task(row);

        assertThat(List.of(t.text(), t.language(), t.voice())).as("text, language, voice")
                .containsExactly("Hello there.", "en", "f3");
        assertThat(t.audio()).as("audio of a text row").isNull();
    }

    @Test
    void aTextRowWithoutALanguageIsABadRow() {
        Map<String, String> row = row(1, "a", "p.png", null);
        row.put("text", "Hello there.");

        assertFails(row, ErrorKind.BAD_ROW, "a text row needs a language");
    }

    @Test
    void aRowWithBothAudioAndTextIsABadRow() {
        Map<String, String> row = row(1, "a", "p.png", "s.wav");
        row.put("text", "Hello there.");
        row.put("language", "en");

        assertFails(row, ErrorKind.BAD_ROW, "either audio or text, not both");
    }

    @Test
    void aFailedRowKeepsItsLanguage() {
        Map<String, String> row = row(3, null, "p.png", "s.wav");
        row.put("language", "fr");

        RowValidator.Validated v = validator.validate(List.of(new ManifestRow(3, row)));

        assertThat(v.failed().get(0).value().language()).as("language of the failed row").isEqualTo("fr");
    }

    @Test
    void aRelativeOutputThatLeavesTheOutputFolderIsABadRow() {
        Map<String, String> row = row(1, "a", "p.png", "s.wav");
        row.put("output", "../escaped.mp4");

        assertFails(row, ErrorKind.BAD_ROW, "the relative output '../escaped.mp4' leaves the output folder");
    }

    @Test
    void aRelativeOutputThatClimbsBackIntoTheOutputFolderIsAccepted() {
        Map<String, String> row = row(1, "a", "p.png", "s.wav");
        row.put("output", "fr/../de/a.mp4");

        assertThat(task(row).output()).as("output").isEqualTo("file:/data/out/de/a.mp4");
    }

    @Test
    void anAbsoluteOutputElsewhereIsAccepted() {
        Map<String, String> row = row(1, "a", "p.png", "s.wav");
        row.put("output", "s3a://bucket/dub/a.mp4");

        assertThat(task(row).output()).as("output").isEqualTo("s3a://bucket/dub/a.mp4");
    }

    @Test
    void anOutputInsideTheResultsFolderIsABadRow() {
        Map<String, String> row = row(1, "a", "p.png", "s.wav");
        row.put("output", "_results/a.mp4");

        assertFails(row, ErrorKind.BAD_ROW, "is inside the results folder");
    }

    @Test
    void anAbsoluteOutputInsideTheResultsFolderIsABadRow() {
        Map<String, String> row = row(1, "a", "p.png", "s.wav");
        row.put("output", "/data/out/_results/part/a.mp4");

        assertFails(row, ErrorKind.BAD_ROW, "is inside the results folder");
    }

    @Test
    void anIdOfDotDotIsABadRow() {
        assertFails(row(1, "..", "p.png", "s.wav"), ErrorKind.BAD_ROW, "not starting with '.'");
    }

    @Test
    void anIdStartingWithADotIsABadRow() {
        assertFails(row(1, ".hidden", "p.png", "s.wav"), ErrorKind.BAD_ROW, "not starting with '.'");
    }

    @Test
    void aBlankTextIsABadRowThatSaysSo() {
        Map<String, String> row = row(1, "a", "p.png", null);
        row.put("text", "   ");
        row.put("language", "en");

        assertFails(row, ErrorKind.BAD_ROW, "the row has no speech (its audio and text are empty)");
    }

    private RenderTask task(Map<String, String> values) {
        RowValidator.Validated v = validator.validate(List.of(new ManifestRow(1, values)));
        assertThat(v.failed()).as("failed rows").isEmpty();
        return v.tasks().get(0).value();
    }

    private void assertFails(Map<String, String> values, ErrorKind kind, String message) {
        RowValidator.Validated v = validator.validate(List.of(new ManifestRow(3, values)));
        assertThat(v.tasks()).as("tasks").isEmpty();
        ResultRow r = v.failed().get(0).value();
        assertThat(r.status()).as("status").isEqualTo(RowStatus.FAILED);
        assertThat(r.errorKind()).as("error kind").isEqualTo(kind);
        assertThat(r.errorMessage()).as("message").contains(message);
    }

    /** A good row with one more column. */
    private static Map<String, String> rowWith(String column, String value) {
        Map<String, String> m = row(1, "a", "p.png", "s.wav");
        m.put(column, value);
        return m;
    }

    private static Map<String, String> row(int number, String id, String source, String audio) {
        Map<String, String> m = new HashMap<>();
        m.put("id", id);
        m.put("source", source);
        m.put("audio", audio);
        return m;
    }
}
