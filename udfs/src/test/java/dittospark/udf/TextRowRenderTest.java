package dittospark.udf;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.engine.DemoModels;
import dittospark.engine.RenderEngine;
import dittospark.engine.RenderProgress;
import dittospark.engine.SpeechPadding;
import dittospark.errors.ErrorKind;
import dittospark.media.FfmpegCli;
import dittospark.media.Samples;
import dittospark.speech.EspeakCli;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Text rows spoken by espeak-ng and rendered by the demo models. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextRowRenderTest {
    private static final ResultRow.Place PLACE = new ResultRow.Place("demo", "hash", "cpu", "driver", 0);
    private static final String SMALL = "{\"max_size\": 256}";

    @TempDir
    Path dir;

    private RenderEngine engine;

    @BeforeAll
    void openEngine() throws Exception {
        EspeakCli.assumeInstalled();
        FfmpegCli.assumeInstalled();
        engine = RenderEngine.builder().models(DemoModels.folder()).build();
    }

    @AfterAll
    void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void anEnglishTextRowRendersItsSpeechPadded() throws Exception {
        Path out = dir.resolve("out/hello.mp4");

        ResultRow row = renderer().render(task("Hello there.", "en", out));

        assertThat(row.status()).as("status, error " + row.errorMessage()).isEqualTo(RowStatus.SUCCEEDED);
        assertThat(row.language()).as("language").isEqualTo("en");
        assertThat(row.audioSeconds()).as("seconds of speech with its padding")
                .isGreaterThan(SpeechPadding.FRONT_S + SpeechPadding.BACK_S + 0.3);
        JsonNode video = FfmpegCli.stream(FfmpegCli.probe(out), "video");
        assertThat(video.path("nb_read_frames").asInt()).as("decoded frames").isEqualTo(row.frames());
    }

    @Test
    void anUnknownLanguageIsASpeechFailure() throws Exception {
        Path out = dir.resolve("out/unknown.mp4");

        ResultRow row = renderer().render(task("Hello there.", "qx", out));

        assertThat(row.errorKind()).as("error kind").isEqualTo(ErrorKind.SPEECH_FAILED);
        assertThat(row.errorMessage()).as("message").contains("'qx'");
        assertThat(row.language()).as("language").isEqualTo("qx");
        assertThat(out).as("output of a failed row").doesNotExist();
    }

    private RowRenderer renderer() throws Exception {
        return new RowRenderer(request -> engine.render(request, RenderProgress.NONE), new Configuration(),
                Files.createDirectories(dir.resolve("work")), false, "test-run", PLACE, RowRenderer.DEFAULT_DEADLINE);
    }

    private static RenderTask task(String text, String language, Path out) {
        return new RenderTask("row", Samples.file("portrait.png").toString(), null, out.toUri().toString(),
                language, 1, SMALL, text, null);
    }
}
