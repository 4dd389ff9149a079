package dittospark.engine;

import dittospark.media.FfmpegCli;
import dittospark.media.Samples;
import dittospark.motion.Mirror;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;

import static dittospark.engine.FrameRegions.border;
import static dittospark.engine.FrameRegions.diff;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Options of video sources on the 3 s sample clip (the camera pans, so every frame's background is
 * its own), 1.2 s of speech (30 output frames). The background, far outside the face crop, shows
 * which source frame an output frame was put back into; a render with {@code blend_alpha} 0 gives
 * the source frames as the engine reads them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VideoOptionsEffectTest {
    private static final int MARGIN = 12;
    /** Background difference of the same source frame in two renders: the encoder's noise. */
    private static final double SAME_BACKGROUND = 1.5;
    /** Source frames at least this far apart have visibly different backgrounds. */
    private static final int APART = 6;
    private static final int SHORT_TEMPLATE = 10;

    private DemoRenders renders;
    private Path clip;
    private Path speech;
    /** Output frame k is source frame k, untouched. */
    private DemoRenders.Rendered sourceFrames;
    private boolean[] background;

    @BeforeAll
    void readTheSourceFrames() throws Exception {
        FfmpegCli.assumeInstalled();
        renders = new DemoRenders(DemoModels.engine());
        clip = Samples.file("portrait_clip_3s.mp4");
        speech = renders.speech(0, 1.2);
        sourceFrames = render("\"template_n_frames\": 30, \"blend_mode\": \"custom\", \"blend_alpha\": 0");
        background = border(sourceFrames.width(), sourceFrames.height(), MARGIN);
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (renders != null) {
            renders.close();
        }
    }

    private DemoRenders.Rendered render(String options) throws Exception {
        return renders.render(clip, speech, "{\"max_size\": 256, " + options + "}");
    }

    private double backgroundDiff(DemoRenders.Rendered r, int frame, int sourceFrame) {
        return diff(r.frame(frame), sourceFrames.frame(sourceFrame), background);
    }

    @Test
    void templateFramesPlayForwardAndBackward() throws Exception {
        DemoRenders.Rendered r = render("\"template_n_frames\": " + SHORT_TEMPLATE);

        for (int k = 0; k < r.frames().size(); k++) {
            int mirrored = Mirror.index(k, SHORT_TEMPLATE);
            assertThat(backgroundDiff(r, k, mirrored)).as("background of frame %d against source frame %d", k, mirrored)
                    .isLessThan(SAME_BACKGROUND);
            if (Math.abs(mirrored - k) >= APART) {
                assertThat(backgroundDiff(r, k, k)).as("background of frame %d against source frame %d", k, k)
                        .isGreaterThan(2 * backgroundDiff(r, k, mirrored));
            }
        }
    }

    @Test
    void preservedMotionPutsBackIntoEveryOriginalFrame() throws Exception {
        DemoRenders.Rendered r = render("\"template_n_frames\": 30, \"motion_frames\": " + SHORT_TEMPLATE);

        for (int k = 0; k < r.frames().size(); k++) {
            assertThat(backgroundDiff(r, k, k)).as("background of frame %d against source frame %d", k, k)
                    .isLessThan(SAME_BACKGROUND);
            int mirrored = Mirror.index(k, SHORT_TEMPLATE);
            if (Math.abs(mirrored - k) >= APART) {
                assertThat(backgroundDiff(r, k, mirrored))
                        .as("background of frame %d against source frame %d of the motion frames", k, mirrored)
                        .isGreaterThan(2 * backgroundDiff(r, k, k));
            }
        }
    }

    /** The demo motion extractor reports the same motion on every frame, which smoothing keeps. */
    @Test
    void sourceSmoothingKeepsAConstantSourceMotion() throws Exception {
        DemoRenders.Rendered smoothed = render("\"template_n_frames\": " + SHORT_TEMPLATE);
        DemoRenders.Rendered unsmoothed = render("\"template_n_frames\": " + SHORT_TEMPLATE + ", \"smo_k_s\": 1");

        for (int i = 0; i < smoothed.frames().size(); i++) {
            assertThat(unsmoothed.frame(i)).as("frame %d with smo_k_s 1 against 13", i).isEqualTo(smoothed.frame(i));
        }
    }
}
