package dittospark.motion;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MotionVectorTest {

    @Test
    void vectorWithoutKpComesBackWithoutKp() {
        MotionInfo info = MotionSamples.random(5);

        MotionInfo back = MotionVector.fromVector(MotionVector.toVector(info, false));

        assertThat(back.has(MotionKey.KP)).as("kp after a 265-d round trip").isFalse();
        assertThat(back.get(MotionKey.EXP)).as("exp after a 265-d round trip").containsExactly(info.get(MotionKey.EXP));
    }

    @Test
    void storesScaleMinusOne() {
        MotionInfo info = MotionSamples.random(6).with(MotionKey.SCALE, new float[] {1.25f});

        assertThat(MotionVector.toVector(info, false)[0]).as("first value").isEqualTo(0.25f);
    }

    @Test
    void rejectsPoseInDegrees() {
        MotionInfo info = MotionSamples.random(7).with(MotionKey.PITCH, new float[] {3f});

        assertThatThrownBy(() -> MotionVector.toVector(info, false)).as("pitch in degrees")
                .hasMessageContaining("pitch");
    }

    @Test
    void rejectsOtherLengths() {
        assertThatThrownBy(() -> MotionVector.fromVector(new float[264])).as("264 values")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
