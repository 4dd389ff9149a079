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
    void rejectsEmptySource() {
        assertThatThrownBy(() -> Mirror.index(0, 0)).as("mirror over 0 frames")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
