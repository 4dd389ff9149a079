package dittospark.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeneratedMotionTest {
    private static final float[][] ROWS = {{1}, {2}, {3}};

    @Test
    void rowsPastTheFramesOfTheAudioAreCut() {
        assertThat(GeneratedMotion.fit(ROWS, 2)).as("fitted rows").isDeepEqualTo(new float[][] {{1}, {2}});
    }

    @Test
    void tooFewRowsHoldTheLastOneToTheEnd() {
        assertThat(GeneratedMotion.fit(ROWS, 5)).as("fitted rows")
                .isDeepEqualTo(new float[][] {{1}, {2}, {3}, {3}, {3}});
    }

    @Test
    void aStreamWithoutRowsIsRefused() {
        assertThatThrownBy(() -> GeneratedMotion.fit(new float[0][], 4)).as("no rows")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
