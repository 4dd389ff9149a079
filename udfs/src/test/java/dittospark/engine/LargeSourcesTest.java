package dittospark.engine;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.image.ResizeRule;
import dittospark.media.FfmpegCli;
import dittospark.media.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Sources larger than a row may render or hold: capped to what H.264 players accept, or refused clearly. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeSourcesTest {
    @TempDir
    Path work;

    private RenderEngine engine;
    private Path speech;

    @BeforeAll
    void setUp(@TempDir Path shared) throws Exception {
        FfmpegCli.assumeInstalled();
        engine = DemoModels.engine();
        speech = Samples.speech(shared, 0, 0.4);
    }

    @AfterAll
    void tearDown() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void an8000PixelPortraitWithAHugeMaxSizeRendersWithinLevel51() throws Exception {
        Path big = work.resolve("big.png");
        FfmpegCli.ffmpeg("-i", Samples.file("portrait.png").toString(), "-vf", "scale=8000:8000", "-compression_level", "1",
                big.toString());
        Path out = work.resolve("big.mp4");

        engine.render(RenderRequest.builder().source(big).audio(speech).output(out)
                .options(RenderOptions.parse("{\"max_size\": 16384}")).build(), RenderProgress.NONE);

        JsonNode video = FfmpegCli.stream(FfmpegCli.probe(out), "video");
        int width = video.get("width").asInt();
        int height = video.get("height").asInt();
        assertThat((long) ((width + 15) / 16) * ((height + 15) / 16)).as("macroblocks of " + width + "x" + height)
                .isLessThanOrEqualTo(ResizeRule.MAX_MACROBLOCKS);
        assertThat(width).as("width of a square output").isEqualTo(height);
    }

    @Test
    void aVideoWhoseFramesExceedTheRowsMemoryBudgetIsTooLarge() throws Exception {
        int frames = (int) (RenderEngine.sourceBudget() / (3L * 3840 * 2160)) + 2;
        Path video = work.resolve("uhd.mp4");
        FfmpegCli.ffmpeg("-f", "lavfi", "-i", "testsrc=size=3840x2160:rate=25", "-frames:v", Integer.toString(frames),
                "-c:v", "libx264", "-preset", "ultrafast", "-crf", "45", "-pix_fmt", "yuv420p", video.toString());

        RenderException e = catchThrowableOfType(RenderException.class, () -> engine.render(RenderRequest.builder()
                .source(video).audio(speech).output(work.resolve("uhd-out.mp4"))
                .options(RenderOptions.parse("{\"max_size\": 3840}")).build(), RenderProgress.NONE));

        assertThat(e).as("failure of a source beyond the budget").isNotNull();
        assertThat(e.kind()).as("kind").isEqualTo(ErrorKind.TOO_LARGE);
        assertThat(e.getMessage()).as("message").contains("template_n_frames").contains("MB");
        assertThat(work.resolve("uhd-out.mp4")).as("output").doesNotExist();
    }

    @Test
    void aPictureDeclaringMoreThanTheMostPixelsIsTooLarge() throws Exception {
        Path huge = java.nio.file.Files.write(work.resolve("huge.png"), dittospark.image.HugePictures.png(60_000, 60_000));

        RenderException e = catchThrowableOfType(RenderException.class, () -> engine.render(RenderRequest.builder()
                .source(huge).audio(speech).output(work.resolve("huge.mp4")).build(), RenderProgress.NONE));

        assertThat(e.kind()).as("kind").isEqualTo(ErrorKind.TOO_LARGE);
        assertThat(e.getMessage()).as("message").contains("60000x60000");
    }
}
