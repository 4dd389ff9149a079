package dittospark.render;

import dittospark.image.FloatImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaceMaskTest {
    private static final FloatImage BLEND = FaceMask.forMode("blend", 1);

    @Test
    void replaceIsTheHardSquare() {
        FloatImage mask = FaceMask.forMode("replace", 1);

        assertThat(new float[] {mask.at(0, 0, 0), mask.at(511, 256, 0)}).as("corner and edge").containsExactly(1f, 1f);
    }

    @Test
    void weakIsHalfTheBlendMask() {
        FloatImage weak = FaceMask.forMode("weak", 1);

        assertThat(weak.at(256, 256, 0)).as("centre").isEqualTo(0.5f);
        assertThat(weak.at(10, 256, 0)).as("feathered edge").isEqualTo(BLEND.at(10, 256, 0) * 0.5f);
    }

    @Test
    void customScalesTheBlendMaskByAlpha() {
        FloatImage custom = FaceMask.forMode("custom", 0.3);

        assertThat(custom.at(20, 20, 0)).as("corner band").isEqualTo(BLEND.at(20, 20, 0) * 0.3f);
    }

    @Test
    void strongHasANarrowerFeather() {
        FloatImage strong = FaceMask.forMode("strong", 1);

        assertThat(strong.at(15, 256, 0)).as("strong mask 15 px from the edge").isEqualTo(1f);
        assertThat(BLEND.at(15, 256, 0)).as("blend mask 15 px from the edge").isLessThan(1f);
        assertThat(strong.at(0, 256, 0)).as("strong mask at the edge").isZero();
    }

    @Test
    void rejectsUnknownModes() {
        assertThatThrownBy(() -> FaceMask.forMode("overlay", 1)).as("unknown mode")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
