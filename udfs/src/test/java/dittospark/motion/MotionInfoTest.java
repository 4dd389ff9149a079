package dittospark.motion;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MotionInfoTest {

    @Test
    void returnedArraysAreCopies() {
        MotionInfo info = MotionSamples.random(1);
        float before = info.get(MotionKey.EXP)[0];

        info.get(MotionKey.EXP)[0] = before + 1f;

        assertThat(info.get(MotionKey.EXP)[0]).as("exp[0] after writing to a returned array").isEqualTo(before);
    }

    @Test
    void acceptsPoseInDegrees() {
        MotionInfo info = MotionSamples.random(2).with(MotionKey.YAW, new float[] {12.5f});

        assertThat(PoseMath.degrees(info.get(MotionKey.YAW))).as("yaw held in degrees").isEqualTo(12.5f);
    }

    @Test
    void rejectsMissingExpression() {
        Map<MotionKey, float[]> values = new EnumMap<>(MotionKey.class);
        MotionInfo full = MotionSamples.random(3);
        full.keys().stream().filter(k -> k != MotionKey.EXP).forEach(k -> values.put(k, full.get(k)));

        assertThatThrownBy(() -> MotionInfo.of(values)).as("info without exp").hasMessageContaining("exp");
    }

    @Test
    void rejectsWrongLength() {
        assertThatThrownBy(() -> MotionSamples.random(4).with(MotionKey.T, new float[2]))
                .as("t with two values").isInstanceOf(IllegalArgumentException.class);
    }
}
