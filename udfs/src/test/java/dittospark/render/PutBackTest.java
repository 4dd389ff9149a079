package dittospark.render;

import dittospark.image.Affine;
import dittospark.image.FloatImage;
import dittospark.image.Image;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class PutBackTest {
    private static FloatImage render(float value) {
        float[] data = new float[512 * 512 * 3];
        Arrays.fill(data, value);
        return new FloatImage(512, 512, 3, data);
    }

    private static Image frame(int w, int h, int value) {
        byte[] px = new byte[w * h * 3];
        Arrays.fill(px, (byte) value);
        return new Image(w, h, px);
    }

    private static final Affine IDENTITY = Affine.of(1, 0, 0, 0, 1, 0);

    @Test
    void replaceMaskCopiesTheRenderTruncated() {
        PutBack putBack = new PutBack(FaceMask.forMode("replace", 1));

        Image out = putBack.apply(frame(512, 512, 7), render(200.9f), IDENTITY);

        assertThat(out.at(100, 100, 1)).as("pixel inside the square").isEqualTo(200);
    }

    @Test
    void outsideTheWarpedCropTheFrameStays() {
        PutBack putBack = new PutBack(FaceMask.forMode("replace", 1));

        Image out = putBack.apply(frame(800, 600, 7), render(200f), Affine.of(0.5, 0, 0, 0, 0.5, 0));

        assertThat(out.at(700, 500, 0)).as("pixel far outside the pasted face").isEqualTo(7);
        assertThat(out.at(100, 100, 0)).as("pixel inside the pasted face").isEqualTo(200);
    }

    @Test
    void halfMaskAveragesRenderAndFrame() {
        PutBack putBack = new PutBack(FaceMask.forMode("custom", 0.5));

        Image out = putBack.apply(frame(512, 512, 100), render(200f), IDENTITY);

        assertThat(out.at(256, 256, 2)).as("centre pixel").isEqualTo(150);
    }

    @Test
    void aNewTransformWarpsTheMaskAgain() {
        PutBack putBack = new PutBack(FaceMask.forMode("replace", 1));
        putBack.apply(frame(1024, 1024, 0), render(255f), IDENTITY);

        Image moved = putBack.apply(frame(1024, 1024, 0), render(255f), Affine.of(1, 0, 512, 0, 1, 512));

        assertThat(moved.at(100, 100, 0)).as("pixel where the first transform pasted").isZero();
        assertThat(moved.at(700, 700, 0)).as("pixel where the second transform pastes").isEqualTo(255);
    }
}
