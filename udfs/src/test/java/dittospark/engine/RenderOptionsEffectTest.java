package dittospark.engine;

import dittospark.media.FfmpegCli;
import dittospark.media.MediaFrames;
import dittospark.media.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static dittospark.engine.FrameRegions.centre;
import static dittospark.engine.FrameRegions.changed;
import static dittospark.engine.FrameRegions.count;
import static dittospark.engine.FrameRegions.diff;
import static dittospark.engine.FrameRegions.moving;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What each render option does to a render of the sample portrait with the demo models, against the
 * same render without it. The demo motion model opens the lips with the loudness of each frame and
 * keeps everything else at the source's motion, so the mouth is what moves; pixel comparisons allow
 * for the H.264 encoder, which spreads a change in one frame as small noise into its neighbours
 * (up to about 3 levels in the mouth).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenderOptionsEffectTest {
    /**
     * Small renders, encoded with x264's medium preset: the mouth comparisons below allow one grey level,
     * and the default preset's coarser quantisation of the demo's noise-driven sway alone can exceed it.
     */
    private static final String SMALL = "\"max_size\": 256, \"encoder_preset\": \"medium\"";
    /** Above the encoder's noise in the mouth region, below any visible opening. */
    private static final double MOUTH_AT_REST = 4;
    private static final double MOUTH_OPEN = 8;
    /** Frames of {@link #speech} where it is loud (the mouth opens) and silent. */
    private static final int LOUD = 6;
    private static final int QUIET = 1;

    private DemoRenders renders;
    private Path portrait;
    /** 0.6 s (15 frames): silent for 4 frames, loud at 4..8, quiet at 9..10, loud to the end. */
    private Path speech;
    /** 0.4 s (10 frames) starting in loud speech: relative_d shows there, and shorter renders suffice. */
    private Path loudStart;
    /** 0.2 s (5 frames), for options whose effect does not depend on the speech. */
    private Path blip;
    private DemoRenders.Rendered base;
    private DemoRenders.Rendered loudBase;
    private boolean[] mouth;

    @BeforeAll
    void renderWithoutOptions() throws Exception {
        FfmpegCli.assumeInstalled();
        renders = new DemoRenders(DemoModels.engine());
        portrait = Samples.file("portrait.png");
        speech = renders.speech(0.2, 0.6);
        loudStart = renders.speech(0.4, 0.4);
        blip = renders.speech(0.4, 0.2);
        base = render("");
        loudBase = render(loudStart, "");
        mouth = moving(base.frames(), 8);
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (renders != null) {
            renders.close();
        }
    }

    private DemoRenders.Rendered render(String options) throws Exception {
        return render(speech, options);
    }

    private DemoRenders.Rendered render(Path audio, String options) throws Exception {
        return renders.render(portrait, audio, "{" + SMALL + (options.isEmpty() ? "" : ", " + options) + "}");
    }

    /** How far the mouth of frame i is from the rest mouth (the base render's silent first frame). */
    private double opening(DemoRenders.Rendered r, int i) {
        return diff(r.frame(i), base.frame(0), mouth);
    }

    /**
     * The mouth of every frame as far from rest as in {@code expected}, within a grey level: the demo's
     * sub-pixel sway follows the diffusion noise, so the frames themselves need not be identical.
     */
    private void assertSameMouth(DemoRenders.Rendered actual, DemoRenders.Rendered expected, String what) {
        assertSameMouth(actual, expected, what, 1.0);
    }

    private void assertSameMouth(DemoRenders.Rendered actual, DemoRenders.Rendered expected, String what,
                                 double levels) {
        assertThat(actual.frames()).as("frames of %s", what).hasSameSizeAs(expected.frames());
        for (int i = 0; i < expected.frames().size(); i++) {
            assertThat(opening(actual, i)).as("mouth opening in frame %d of %s", i, what)
                    .isCloseTo(opening(expected, i), within(levels));
        }
    }

    private static void assertSameFrames(DemoRenders.Rendered actual, DemoRenders.Rendered expected, String what) {
        assertThat(actual.frames()).as("frames of %s", what).hasSameSizeAs(expected.frames());
        for (int i = 0; i < expected.frames().size(); i++) {
            assertThat(actual.frame(i)).as("frame %d of %s", i, what).isEqualTo(expected.frame(i));
        }
    }

    @Test
    void maxSizeScalesTheLongSideAndFloorsBothToEven() throws Exception {
        DemoRenders.Rendered r = renders.render(portrait, blip, "{\"max_size\": 255}");

        assertThat(new int[] {r.width(), r.height()}).as("decoded size of the 1432x1432 portrait at max_size 255")
                .containsExactly(254, 254);
        assertThat(new int[] {r.result().width(), r.result().height()}).as("size the engine reports")
                .containsExactly(254, 254);
    }

    private DemoRenders.Rendered padded() throws Exception {
        return render("\"audio_pad_front_s\": 0.2, \"audio_pad_back_s\": 0.4");
    }

    @Test
    void audioPaddingAddsOneFramePer40msOfPadding() throws Exception {
        DemoRenders.Rendered r = padded();

        int expected = (int) Math.ceil((MediaFrames.audioSeconds(speech) + 0.6) * 25 - 1e-9);
        assertThat(r.frames()).as("decoded frames of 0.6 s speech padded by 0.2 s and 0.4 s").hasSize(expected);
        assertThat(r.result().frames()).as("frames the engine reports").isEqualTo(expected);
    }

    @Test
    void frontPaddingDelaysTheMouthByThePaddedFrames() throws Exception {
        DemoRenders.Rendered r = padded();

        for (int i = 0; i < base.frames().size(); i++) {
            assertThat(opening(r, i + 5)).as("mouth of padded frame %d against unpadded frame %d", i + 5, i)
                    .isCloseTo(opening(base, i), within(MOUTH_AT_REST));
        }
    }

    @Test
    void backPaddingIsSilenceWithTheMouthAtRest() throws Exception {
        DemoRenders.Rendered r = padded();

        double[] loudness = MediaFrames.loudnessPerFrame(r.file(), r.frames().size());
        for (int i = r.last() - 8; i <= r.last(); i++) {
            assertThat(loudness[i]).as("loudness of back-padding frame %d", i).isLessThan(0.003);
            assertThat(opening(r, i)).as("mouth in back-padding frame %d", i).isLessThan(MOUTH_AT_REST);
        }
    }

    private DemoRenders.Rendered untouched() throws Exception {
        return render(loudStart, "\"blend_mode\": \"custom\", \"blend_alpha\": 0");
    }

    @Test
    void blendAlphaZeroLeavesTheSourceUntouched() throws Exception {
        DemoRenders.Rendered source = untouched();

        double moved = 0;
        for (int i = 1; i < source.frames().size(); i++) {
            assertThat(diff(source.frame(i), source.frame(0), mouth)).as("mouth of frame %d against frame 0 with blend_alpha 0", i)
                    .isLessThan(0.5);
            moved = Math.max(moved, diff(loudBase.frame(i), loudBase.frame(0), mouth));
        }
        assertThat(moved).as("largest mouth change from frame 0 with the default blend").isGreaterThan(MOUTH_OPEN);
    }

    /** Mean distance of the frames from the untouched source picture. */
    private double fromSource(String blend) throws Exception {
        DemoRenders.Rendered source = untouched();
        DemoRenders.Rendered r = blend.isEmpty() ? loudBase : render(loudStart, "\"blend_mode\": \"" + blend + "\"");
        double sum = 0;
        for (int i = 0; i < r.frames().size(); i++) {
            sum += diff(r.frame(i), source.frame(i));
        }
        return sum / r.frames().size();
    }

    @Test
    void weakBlendStaysCloserToTheSourceThanBlend() throws Exception {
        assertThat(fromSource("weak")).as("distance from the source with weak").isLessThan(0.8 * fromSource(""));
    }

    @Test
    void strongBlendTakesMoreOfTheRenderThanBlend() throws Exception {
        assertThat(fromSource("strong")).as("distance from the source with strong").isGreaterThan(fromSource(""));
    }

    @Test
    void replaceTakesTheWholeCropSquare() throws Exception {
        assertThat(fromSource("replace")).as("distance from the source with replace")
                .isGreaterThan(fromSource("strong"));
    }

    @Test
    void smallerCropScaleShrinksTheRegionThatMoves() throws Exception {
        DemoRenders.Rendered r = render("\"crop_scale\": 1.8");

        assertThat(count(moving(r.frames(), 8))).as("moving pixels at crop_scale 1.8")
                .isLessThan((int) (0.8 * count(mouth)));
    }

    @Test
    void cropVyRatioMovesTheCropVertically() throws Exception {
        DemoRenders.Rendered r = render("\"crop_vy_ratio\": 0");

        double[] moved = centre(moving(r.frames(), 8), r.width());
        double[] reference = centre(mouth, base.width());
        assertThat(moved[1] - reference[1]).as("downward shift of the moving region from vy -0.125 to 0")
                .isGreaterThan(10);
        assertThat(moved[0] - reference[0]).as("sideways shift").isCloseTo(0, within(6.0));
    }

    /** The reference ignores crop_vx_ratio; the product applies it (see CropMath). */
    @Test
    void cropVxRatioMovesTheCropSideways() throws Exception {
        DemoRenders.Rendered r = render("\"crop_vx_ratio\": 0.1");

        double[] moved = centre(moving(r.frames(), 8), r.width());
        double[] reference = centre(mouth, base.width());
        assertThat(moved[0] - reference[0]).as("shift to the right of the moving region at vx 0.1")
                .isGreaterThan(10);
        assertThat(moved[1] - reference[1]).as("vertical shift").isCloseTo(0, within(6.0));
    }

    /** The demo landmarks are never tilted, so the rotated crop is the upright one. */
    @Test
    void cropWithoutRotationEqualsTheRotatedCropForAnUprightFace() throws Exception {
        assertSameFrames(render(loudStart, "\"crop_flag_do_rot\": false"), loudBase, "crop_flag_do_rot false");
    }

    private DemoRenders.Rendered controlled() throws Exception {
        return render("\"fade_type\": \"s\", \"ctrl\": {\"" + QUIET + "\": {\"delta_yaw\": 20}, \""
                + (QUIET + 2) + "\": {\"delta_yaw\": 20, \"alpha_yaw\": 0}, \"" + LOUD + "\": {\"fade_alpha\": 0}}");
    }

    @Test
    void deltaYawTurnsTheHeadOnItsFrameOnly() throws Exception {
        DemoRenders.Rendered r = controlled();

        assertThat(count(changed(r.frame(QUIET), base.frame(QUIET), 12))).as("pixels changed by delta_yaw 20")
                .isGreaterThan(100);
        assertThat(count(changed(r.frame(QUIET + 1), base.frame(QUIET + 1), 12))).as("pixels changed in the frame after")
                .isLessThan(10);
    }

    @Test
    void alphaYawScalesTheYawAfterTheDelta() throws Exception {
        DemoRenders.Rendered r = controlled();

        assertThat(count(changed(r.frame(QUIET + 2), base.frame(QUIET + 2), 12)))
                .as("pixels changed by delta_yaw 20 scaled by alpha_yaw 0").isLessThan(10);
    }

    @Test
    void fadeAlphaZeroReturnsTheExpressionToTheSource() throws Exception {
        DemoRenders.Rendered r = controlled();

        assertThat(opening(r, LOUD)).as("mouth of the loud frame with fade_alpha 0").isLessThan(MOUTH_AT_REST);
        assertThat(opening(base, LOUD)).as("mouth of the loud frame without control").isGreaterThan(MOUTH_OPEN);
    }

    private DemoRenders.Rendered faded() throws Exception {
        return render("\"fade_type\": \"s\", \"fade_in\": 20, \"fade_out\": 5");
    }

    @Test
    void fadeInOpensTheMouthGradually() throws Exception {
        DemoRenders.Rendered r = faded();

        double fadedSum = 0;
        double fullSum = 0;
        for (int i = 4; i < 9; i++) {
            fadedSum += opening(r, i);
            fullSum += opening(base, i);
        }
        assertThat(fadedSum).as("mouth opening over frames 4..8 (fade-in alpha 0.2..0.4) against no fade")
                .isLessThan(0.8 * fullSum);
    }

    @Test
    void fadeOutEndsOnTheSourceExpression() throws Exception {
        DemoRenders.Rendered r = faded();

        assertThat(opening(r, r.last())).as("mouth of the last frame with fade_out").isLessThan(MOUTH_AT_REST);
        assertThat(opening(base, base.last())).as("mouth of the last frame without fade").isGreaterThan(MOUTH_OPEN);
    }

    @Test
    void relativeDrivingStartsFromTheSourceExpressionAbsoluteDoesNot() throws Exception {
        DemoRenders.Rendered absolute = render(loudStart, "\"relative_d\": false");

        assertThat(opening(loudBase, 0)).as("mouth of the first (loud) frame with relative_d").isLessThan(6);
        assertThat(opening(absolute, 0)).as("mouth of the first (loud) frame without relative_d")
                .isGreaterThan(MOUTH_OPEN);
    }

    /** The demo stitching network returns the driving keypoints unchanged. */
    @Test
    void stitchingOffEqualsTheIdentityStitcherOfTheDemo() throws Exception {
        assertSameFrames(render(loudStart, "\"flag_stitching\": false"), loudBase, "flag_stitching false");
    }

    /**
     * The demo motion model predicts the mouth of x_start from the conditions alone, and DDIM's last
     * step returns x_start, so any step count lands on the same mouth; 5 steps is the count whose c
     * radicand needs the clamp at 0. Fewer steps leave more noise in the last input, hence a larger
     * sway and a wider margin.
     */
    @Test
    void fiveSamplingStepsGiveTheMotionOfFifty() throws Exception {
        assertSameMouth(render(loudStart, "\"sampling_timesteps\": 5"), loudBase, "sampling_timesteps 5", 2.5);
    }

    /**
     * Clips overlap and blend; the demo model gives every frame the same mouth in every clip, so
     * clip boundaries (every 5 frames with overlap 75) must not show: a misplaced clip would.
     */
    @Test
    void clipOverlapKeepsEveryFrameOnItsOwnAudio() throws Exception {
        assertSameMouth(render(loudStart, "\"overlap_v2\": 75"), loudBase, "overlap_v2 75");
    }

    /** Resetting kp_cond to the source each clip changes nothing where the model keeps the source pose. */
    @Test
    void fixKpCondKeepsTheMotionOfAModelThatHoldsTheSourcePose() throws Exception {
        assertSameMouth(render(loudStart, "\"overlap_v2\": 75, \"fix_kp_cond\": 1"), loudBase, "fix_kp_cond 1");
    }

    /** smo_k_d smooths pose and translation only; smoothing the expression would blur the mouth. */
    @Test
    void motionSmoothingLeavesTheExpression() throws Exception {
        assertSameMouth(render(loudStart, "\"smo_k_d\": 9"), loudBase, "smo_k_d 9");
    }

    /** The demo motion model ignores the emotion condition: each form must be accepted and render. */
    @ParameterizedTest
    @ValueSource(strings = {"3", "[3, 6]", "[[3], [6, 1]]", "[[0.1, 0.1, 0.1, 0.3, 0.1, 0.1, 0.1, 0.1]]"})
    void emotionFormsRender(String emo) throws Exception {
        DemoRenders.Rendered r = render(blip, "\"emo\": " + emo);

        assertThat(r.frames()).as("frames rendered with emo %s", emo).hasSize(5);
    }

    /** A picture has one frame, so eye conditions from frame 0 are the conditions. */
    @Test
    void eyeF0ModeChangesNothingForAPicture() throws Exception {
        assertSameFrames(render(loudStart, "\"eye_f0_mode\": true"), loudBase, "eye_f0_mode true");
    }
}
