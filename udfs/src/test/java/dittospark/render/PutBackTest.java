package dittospark.render;

import dittospark.image.Affine;
import dittospark.image.FloatImage;
import dittospark.image.Image;
import dittospark.image.ImageOps;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

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

    @Test
    void bandWarpEqualsAFullFrameWarp() {
        FloatImage mask = FaceMask.forMode("blend", 1);
        FloatImage render = noise(512, 512, 3, 5);
        Image frame = frame(720, 640, 90);
        Random random = new Random(9);
        for (int k = 0; k < 5; k++) {
            double s = 0.3 + random.nextDouble();
            double angle = random.nextDouble() * 6;
            Affine c2o = Affine.of(s * Math.cos(angle), -s * Math.sin(angle), random.nextDouble() * 600 - 100,
                    s * Math.sin(angle), s * Math.cos(angle), random.nextDouble() * 600 - 200).toFloat32();

            Image out = new PutBack(mask).apply(frame, render, c2o);

            assertThat(out.rgb()).as("put back with transform %s", c2o).isEqualTo(fullFrame(frame, render, c2o, mask));
        }
    }

    private static FloatImage noise(int w, int h, int channels, long seed) {
        Random random = new Random(seed);
        float[] data = new float[w * h * channels];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat() * 255f;
        }
        return new FloatImage(w, h, channels, data);
    }

    /** The reference's arithmetic over the whole frame. */
    private static byte[] fullFrame(Image frame, FloatImage render, Affine c2o, FloatImage mask) {
        float[] m = ImageOps.warpAffine(mask, c2o, frame.width(), frame.height()).data();
        float[] r = ImageOps.warpAffine(render, c2o, frame.width(), frame.height()).data();
        byte[] f = frame.rgb();
        byte[] out = new byte[f.length];
        for (int i = 0; i < f.length; i++) {
            float a = Math.min(1f, Math.max(0f, m[i / 3]));
            float v = Math.min(255f, Math.max(0f, a * r[i] + (1f - a) * (f[i] & 0xFF)));
            out[i] = (byte) (int) v;
        }
        return out;
    }
}
