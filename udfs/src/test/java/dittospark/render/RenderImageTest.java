package dittospark.render;

import dittospark.image.FloatImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RenderImageTest {
    @Test
    void planesBecomeClippedInterleaved0To255() {
        float[] chw = {0.5f, 1.5f, -0.2f, 0f, 1f, 0.25f};

        FloatImage img = RenderImage.fromDecoderOutput(chw, 2, 1);

        assertThat(img.data()).as("HWC values").containsExactly(127.5f, 0f, 255f, 255f, 0f, 63.75f);
    }
}
