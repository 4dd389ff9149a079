package dittospark.motion;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SourceSmoothingTest {

    @Test
    void windowOfOneKeepsEveryFrame() {
        List<MotionInfo> frames = List.of(MotionSamples.random(11), MotionSamples.random(12), MotionSamples.random(13));

        List<MotionInfo> smoothed = SourceSmoothing.smooth(frames, 1);

        for (int f = 0; f < frames.size(); f++) {
            for (MotionKey key : frames.get(f).keys()) {
                assertThat(smoothed.get(f).get(key)).as("frame " + f + " " + key.id()).containsExactly(frames.get(f).get(key));
            }
        }
    }

    @Test
    void endFrameAveragesOnlyTheFramesThatExist() {
        List<MotionInfo> frames = List.of(MotionSamples.random(14), MotionSamples.random(15), MotionSamples.random(16));

        float smoothedScale = SourceSmoothing.smooth(frames, 3).get(2).scale();

        assertThat(smoothedScale).as("scale of the last frame, window 3")
                .isEqualTo((frames.get(1).scale() + frames.get(2).scale()) / 2f);
    }
}
