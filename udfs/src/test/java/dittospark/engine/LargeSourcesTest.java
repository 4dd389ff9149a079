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

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Large sources: pictures capped to what H.264 players accept, videos of any length read as a stream
 * within a small heap, and sources whose single frame a row cannot hold refused clearly.
 */
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

    /** A row held every frame of a video source within a quarter of the heap: 160 MB held 53 frames of 512x512. */
    @Test
    void aVideoFarLongerThanAQuarterOfTheHeapRendersInASmallHeap() throws Exception {
        Path video = work.resolve("long.mp4");
        FfmpegCli.ffmpeg("-stream_loop", "6", "-i", Samples.file("portrait_clip_3s.mp4").toString(), "-vf", "scale=512:512",
                "-an", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", video.toString());
        Path out = work.resolve("long-out.mp4");

        ChildJvmRender.Outcome render = ChildJvmRender.run("160m", video, speech, out, "max_size=512");

        assertThat(FfmpegCli.stream(FfmpegCli.probe(video), "video").path("nb_read_frames").asLong() * 3 * 512 * 512)
                .as("bytes of every source frame").isGreaterThan(8L * (160 << 20) / 4);
        assertThat(render.exitCode()).as("exit code of the render in a 160 MB heap; it printed:%n%s", render.output())
                .isZero();
        assertThat(FfmpegCli.stream(FfmpegCli.probe(out), "video").path("nb_read_frames").asInt())
                .as("frames rendered").isEqualTo(10);
    }

    /**
     * In a 160 MB heap a reader's block holds 12 frames of 512x512, so the mirrored playback of the 75-frame
     * clip reads blocks again on its way back; the test JVM's heap holds every frame in one block.
     */
    @Test
    void aVideoReadAgainInBlocksRendersAsWhenEveryFrameIsHeld() throws Exception {
        Path clip = Samples.file("portrait_clip_3s.mp4");
        Path longSpeech = Samples.speech(work, 0, 4.0);
        Path held = work.resolve("held.mp4");
        Path reread = work.resolve("reread.mp4");
        engine.render(RenderRequest.builder().source(clip).audio(longSpeech).output(held)
                .options(RenderOptions.parse("{\"max_size\": 512}")).build(), RenderProgress.NONE);

        ChildJvmRender.Outcome render = ChildJvmRender.run("160m", clip, longSpeech, reread, "max_size=512");

        assertThat(RenderEngine.sourceBudget() / 4 / (3L * 512 * 512)).as("frames of a block in the test JVM")
                .isGreaterThanOrEqualTo(75);
        assertThat(render.exitCode()).as("exit code of the render in a 160 MB heap; it printed:%n%s", render.output())
                .isZero();
        assertThat(sha256(reread)).as("digest of the render that read blocks again").isEqualTo(sha256(held));
    }

    @Test
    void aVideoFrameLargerThanAQuarterOfTheHeapIsTooLarge() throws Exception {
        Path video = work.resolve("uhd.mp4");
        FfmpegCli.ffmpeg("-f", "lavfi", "-i", "testsrc=size=4096x2304:rate=25", "-frames:v", "3", "-c:v", "libx264",
                "-preset", "ultrafast", "-crf", "45", "-pix_fmt", "yuv420p", video.toString());
        Path out = work.resolve("uhd-out.mp4");

        ChildJvmRender.Outcome render = ChildJvmRender.run("100m", video, speech, out, "max_size=4096");

        assertThat(render.output()).as("what the render in a 100 MB heap printed")
                .contains("[TOO_LARGE]").contains("4096x2304").contains("max_size");
        assertThat(out).as("output").doesNotExist();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void aPictureDeclaringMoreThanTheMostPixelsIsTooLarge() throws Exception {
        Path huge = Files.write(work.resolve("huge.png"), dittospark.image.HugePictures.png(60_000, 60_000));

        RenderException e = catchThrowableOfType(RenderException.class, () -> engine.render(RenderRequest.builder()
                .source(huge).audio(speech).output(work.resolve("huge.mp4")).build(), RenderProgress.NONE));

        assertThat(e.kind()).as("kind").isEqualTo(ErrorKind.TOO_LARGE);
        assertThat(e.getMessage()).as("message").contains("60000x60000");
    }
}
