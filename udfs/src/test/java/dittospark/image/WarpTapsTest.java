package dittospark.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The taps reproduce OpenCV's own float warp bit for bit, so that any subset of its pixels can be computed alone. */
class WarpTapsTest {
    private static final int TRANSFORMS = 60;
    private static final float[] WEIGHTS = WarpTaps.weightTable();

    @ParameterizedTest(name = "{0} channel(s)")
    @ValueSource(ints = {1, 3})
    void gatherEqualsOpenCvsFloatWarpForRandomTransforms(int channels) {
        Random random = new Random(17 + channels);
        for (int k = 0; k < TRANSFORMS; k++) {
            int sw = 1 + random.nextInt(90);
            int sh = 1 + random.nextInt(90);
            FloatImage src = noise(sw, sh, channels, random);
            int dw = 1 + random.nextInt(130);
            int dh = 1 + random.nextInt(130);
            Affine m = randomTransform(random, sw, sh, dw, dh);

            float[] gathered = gather(src, m, dw, dh);

            assertThat(firstDifference(gathered, ImageOps.warpAffine(src, m, dw, dh).data()))
                    .as("first value that differs from OpenCV's, gathering %dx%d onto %dx%d by %s", sw, sh, dw, dh, m)
                    .isEmpty();
        }
    }

    @Test
    void float32TransformsOfAFaceCropEqualOpenCv() {
        Random random = new Random(5);
        FloatImage src = noise(512, 512, 3, random);
        for (int k = 0; k < 4; k++) {
            double s = 0.6 + random.nextDouble() * 2;
            double angle = random.nextDouble() * 2 * Math.PI;
            Affine m = Affine.of(s * Math.cos(angle), -s * Math.sin(angle), random.nextDouble() * 900 - 300,
                    s * Math.sin(angle), s * Math.cos(angle), random.nextDouble() * 700 - 300).toFloat32();

            assertThat(firstDifference(gather(src, m, 1000, 720), ImageOps.warpAffine(src, m, 1000, 720).data()))
                    .as("first value that differs from OpenCV's, gathering the crop by %s", m).isEmpty();
        }
    }

    @Test
    void pixelsOutsideTheirRowsReachAreZero() {
        Random random = new Random(3);
        for (int k = 0; k < TRANSFORMS; k++) {
            FloatImage src = ones(1 + random.nextInt(60), 1 + random.nextInt(60));
            int dw = 1 + random.nextInt(150);
            int dh = 1 + random.nextInt(150);
            Affine m = randomTransform(random, src.width(), src.height(), dw, dh);
            float[] warped = ImageOps.warpAffine(src, m, dw, dh).data();
            WarpTaps taps = new WarpTaps(m, src.width(), src.height(), dw);
            int outsideNonzero = 0;
            for (int y = 0; y < dh; y++) {
                WarpTaps.Span reach = taps.reach(y);
                for (int x = 0; x < dw; x++) {
                    boolean inside = x >= reach.from() && x < reach.to();
                    outsideNonzero += !inside && warped[y * dw + x] != 0 ? 1 : 0;
                }
            }

            assertThat(outsideNonzero).as("nonzero pixels outside the reach of %s", m).isZero();
        }
    }

    @Test
    void aTransformThatMissesTheFrameReadsNothing() {
        FloatImage src = ones(40, 30);
        Affine away = Affine.of(1, 0, 5000, 0, 1, -3000);

        assertThat(gather(src, away, 64, 48)).as("pixels of a warp that lands far outside")
                .containsOnly(0f);
    }

    @Test
    void aTransformThatCoversTheFrameReadsOnlyInsideBlocks() {
        FloatImage src = ones(40, 30);
        Affine enlarge = Affine.of(3, 0, -10, 0, 3, -10);

        assertThat(gather(src, enlarge, 64, 48)).as("pixels of a warp whose source covers the frame")
                .containsOnly(1f);
    }

    /** Where two arrays first differ in any bit (NaN aside), if they do. */
    static Optional<String> firstDifference(float[] actual, float[] expected) {
        int i = Arrays.mismatch(actual, expected);
        return i < 0 ? Optional.empty() : Optional.of("at " + i + ": " + (i < actual.length ? actual[i] : "none")
                + " instead of " + (i < expected.length ? expected[i] : "none"));
    }

    /** Every destination pixel through the taps. */
    private static float[] gather(FloatImage src, Affine m, int dw, int dh) {
        int c = src.channels();
        FloatImage padded = WarpTaps.pad(src);
        WarpTaps warp = new WarpTaps(m, src.width(), src.height(), dw);
        int[] taps = new int[dw];
        float[] out = new float[dw * dh * c];
        for (int y = 0; y < dh; y++) {
            warp.row(y, 0, dw, taps, 0);
            for (int x = 0; x < dw; x++) {
                for (int k = 0; k < c && taps[x] != WarpTaps.OUTSIDE; k++) {
                    out[(y * dw + x) * c + k] = sample(padded, taps[x], k);
                }
            }
        }
        return out;
    }

    /** One channel of a pixel from its taps: the four weighed taps summed in OpenCV's order. */
    private static float sample(FloatImage padded, int taps, int channel) {
        int c = padded.channels();
        int base = WarpTaps.tap(taps) * c + channel;
        int down = padded.width() * c;
        int e = WarpTaps.entry(taps) * 4;
        float[] d = padded.data();
        return d[base] * WEIGHTS[e] + d[base + c] * WEIGHTS[e + 1] + d[base + down] * WEIGHTS[e + 2]
                + d[base + down + c] * WEIGHTS[e + 3];
    }

    /** Rotation, scale (also mirrored and sheared a little) and shift that put the source partly outside the frame. */
    private static Affine randomTransform(Random random, int sw, int sh, int dw, int dh) {
        double angle = random.nextDouble() * 2 * Math.PI;
        double sx = (0.2 + random.nextDouble() * 4) * (random.nextInt(8) == 0 ? -1 : 1);
        double sy = sx * (0.8 + random.nextDouble() * 0.4);
        double shear = random.nextInt(4) == 0 ? random.nextDouble() * 0.3 : 0;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double a = sx * cos;
        double b = -sy * sin + shear;
        double d = sx * sin;
        double e = sy * cos;
        double cx = random.nextDouble() * dw * 1.6 - dw * 0.3;
        double cy = random.nextDouble() * dh * 1.6 - dh * 0.3;
        Affine m = Affine.of(a, b, cx - a * sw / 2.0 - b * sh / 2.0, d, e, cy - d * sw / 2.0 - e * sh / 2.0);
        return random.nextBoolean() ? m.toFloat32() : m;
    }

    private static FloatImage noise(int w, int h, int channels, Random random) {
        float[] data = new float[w * h * channels];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat() * 255f;
        }
        return new FloatImage(w, h, channels, data);
    }

    private static FloatImage ones(int w, int h) {
        float[] data = new float[w * h];
        Arrays.fill(data, 1f);
        return new FloatImage(w, h, 1, data);
    }
}
