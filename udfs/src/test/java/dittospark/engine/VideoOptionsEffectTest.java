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
import static org.assertj.core.api.Assertions.within;

/**
 * Options of video sources on the 3 s sample clip (the camera pans, so every frame's background is
 * its own), 1 s of speech (25 output frames). The background, far outside the face crop, shows
 * which source frame an output frame was put back into: the nearest of the source frames as the
 * engine reads them (a render with {@code blend_alpha} 0).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VideoOptionsEffectTest {
    private static final int MARGIN = 12;
    /** The camera moves little from one frame to the next: a neighbour may look as near. */
    private static final int NEIGHBOURS = 1;
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
        speech = renders.speech(0, 1.0);
        sourceFrames = render("\"template_n_frames\": 25, \"blend_mode\": \"custom\", \"blend_alpha\": 0");
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

    /** The source frame whose background is nearest to that of output frame {@code k}. */
    private int nearestSourceFrame(DemoRenders.Rendered r, int k) {
        int best = 0;
        double bestDiff = Double.MAX_VALUE;
        for (int j = 0; j < sourceFrames.frames().size(); j++) {
            double d = diff(r.frame(k), sourceFrames.frame(j), background);
            if (d < bestDiff) {
                bestDiff = d;
                best = j;
            }
        }
        return best;
    }

    @Test
    void templateFramesPlayForwardAndBackward() throws Exception {
        DemoRenders.Rendered r = render("\"template_n_frames\": " + SHORT_TEMPLATE);

        for (int k = 0; k < r.frames().size(); k++) {
            assertThat(nearestSourceFrame(r, k)).as("source frame behind output frame %d", k)
                    .isCloseTo(Mirror.index(k, SHORT_TEMPLATE), within(NEIGHBOURS));
        }
    }

    @Test
    void preservedMotionPutsBackIntoEveryOriginalFrame() throws Exception {
        DemoRenders.Rendered r = render("\"template_n_frames\": 25, \"motion_frames\": " + SHORT_TEMPLATE);

        for (int k = 0; k < r.frames().size(); k++) {
            assertThat(nearestSourceFrame(r, k)).as("source frame behind output frame %d", k)
                    .isCloseTo(k, within(NEIGHBOURS));
        }
    }
    @Test
    void nDCapsTheFramesReadWhereTemplateNFramesDoesNotSay() throws Exception {
        DemoRenders.Rendered capped = render("\"N_d\": " + SHORT_TEMPLATE);
        DemoRenders.Rendered template = render("\"template_n_frames\": " + SHORT_TEMPLATE);

        for (int k = 0; k < capped.frames().size(); k++) {
            assertThat(capped.frame(k)).as("frame %d with N_d %d against template_n_frames %d", k, SHORT_TEMPLATE,
                    SHORT_TEMPLATE).isEqualTo(template.frame(k));
        }
        assertThat(nearestSourceFrame(capped, SHORT_TEMPLATE + 2)).as("source frame behind output frame %d with N_d %d",
                SHORT_TEMPLATE + 2, SHORT_TEMPLATE).isCloseTo(Mirror.index(SHORT_TEMPLATE + 2, SHORT_TEMPLATE), within(NEIGHBOURS));
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
