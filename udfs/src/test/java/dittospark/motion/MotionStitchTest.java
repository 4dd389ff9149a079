package dittospark.motion;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MotionStitchTest {
    private static final MotionInfo SOURCE = MotionSamples.random(20);
    private static final MotionInfo DRIVING = MotionSamples.random(21);

    /** Fading every key but kp towards the source, with nothing else changing the driving motion. */
    private static MotionStitchSettings.Builder fadeToSource() {
        return MotionStitchSettings.builder().relativeD(false).driveEye(false).flagStitching(false)
                .fadeType(FadeType.S)
                .fadeOutKeys(EnumSet.of(MotionKey.SCALE, MotionKey.PITCH, MotionKey.YAW, MotionKey.ROLL,
                        MotionKey.T, MotionKey.EXP))
                .useDKeys(EnumSet.of(MotionKey.SCALE, MotionKey.PITCH, MotionKey.YAW, MotionKey.ROLL,
                        MotionKey.T, MotionKey.EXP));
    }

    @Test
    void fadeInStartsAtTheSource() {
        MotionStitch stitch = MotionStitch.setup(fadeToSource().fadeIn(4).build(), SOURCE, null);

        StitchedKeypoints kp = stitch.apply(SOURCE, DRIVING, 0, FrameControl.NONE);

        assertThat(kp.driving()).as("x_d on the first fade-in frame").containsExactly(kp.source());
    }

    @Test
    void fadeOutEndsAtTheSource() {
        MotionStitch stitch = MotionStitch.setup(fadeToSource().nD(10).fadeOut(3).build(), SOURCE, null);

        StitchedKeypoints kp = stitch.apply(SOURCE, DRIVING, 9, FrameControl.NONE);

        assertThat(kp.driving()).as("x_d on the last frame").containsExactly(kp.source());
    }

    @Test
    void framesOutsideTheRampsAreNotFaded() {
        MotionStitch stitch = MotionStitch.setup(fadeToSource().fadeIn(2).nD(10).fadeOut(3).build(), SOURCE, null);

        MotionInfo driving = DRIVING.with(MotionKey.EXP, SOURCE.get(MotionKey.EXP));

        StitchedKeypoints kp = stitch.apply(SOURCE, driving, 4, FrameControl.NONE);

        assertThat(kp.driving()).as("x_d between the ramps (same expression as the source)")
                .containsExactly(PoseMath.transformKeypoints(driving.with(MotionKey.KP, SOURCE.get(MotionKey.KP))));
    }

    @Test
    void aGivenD0ActsAsTheFirstDrivingFrame() {
        MotionStitchSettings settings = MotionStitchSettings.builder().driveEye(false).flagStitching(false).build();
        MotionInfo later = MotionSamples.random(22);
        MotionStitch seen = MotionStitch.setup(settings, SOURCE, null);
        seen.apply(SOURCE, DRIVING, 0, FrameControl.NONE);
        MotionStitch given = MotionStitch.setup(settings, SOURCE, null);
        given.useD0(DRIVING);

        StitchedKeypoints kp = given.apply(SOURCE, later, 0, FrameControl.NONE);

        assertThat(kp.driving()).as("x_d of a frame after d0 was given")
                .containsExactly(seen.apply(SOURCE, later, 0, FrameControl.NONE).driving());
    }

    @Test
    void videoSourceDrivesOnlyExpression() {
        MotionStitchSettings settings = MotionStitchSettings.builder().isImageFlag(false).build();

        assertThat(settings.useDKeys().keySet()).as("driven keys for a video").containsExactly(MotionKey.EXP);
        assertThat(settings.driveEye()).as("drive_eye for a video").isFalse();
    }

    @Test
    void stitcherAdjustsTheDrivingKeypoints() {
        AtomicInteger calls = new AtomicInteger();
        float[] adjusted = new float[63];
        MotionStitch stitch = MotionStitch.setup(MotionStitchSettings.builder().build(), SOURCE, (s, d) -> {
            calls.incrementAndGet();
            return adjusted;
        });

        StitchedKeypoints kp = stitch.apply(SOURCE, DRIVING, 0, FrameControl.NONE);

        assertThat(calls.get()).as("stitcher calls").isEqualTo(1);
        assertThat(kp.driving()).as("x_d").isSameAs(adjusted);
    }

    @Test
    void randomBlinksNeedAGenerator() {
        MotionStitchSettings.Builder builder = MotionStitchSettings.builder()
                .deltaEyeArr(new float[][] {new float[63]}).deltaEyeOpenN(0);

        assertThatThrownBy(builder::build).as("random blinks without a generator")
                .hasMessageContaining("blinkRandom");
    }
}
