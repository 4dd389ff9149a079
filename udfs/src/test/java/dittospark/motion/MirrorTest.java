package dittospark.motion;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MirrorTest {

    @Test
    void secondPassPlaysBackwards() {
        assertThat(Mirror.index(3, 3)).as("first frame of the second pass over 3 frames").isEqualTo(2);
    }

    @Test
    void playsForwardThenBackwardThenForward() {
        int[] frames = new int[8];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = Mirror.index(i, 3);
        }
        assertThat(frames).as("source frames for 8 outputs of 3").containsExactly(0, 1, 2, 2, 1, 0, 0, 1);
    }

    @Test
    void rejectsEmptySource() {
        assertThatThrownBy(() -> Mirror.index(0, 0)).as("mirror over 0 frames")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
