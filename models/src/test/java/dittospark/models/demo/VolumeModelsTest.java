package dittospark.models.demo;

import ai.onnxruntime.OrtException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VolumeModelsTest {
    private static final int CHANNELS = 32;
    private static final int DEPTH = 16;
    private static final int GRID = 64;
    private static final int OUT_CHANNELS = 256;
    private static final int KEYPOINTS = 21;
    private static final int SIDE = 256;

    @Test
    void warpReturnsThePackedVolumeWhenTheKeypointsAgree() throws OrtException {
        Random random = new Random(1);
        float[] volume = new float[CHANNELS * DEPTH * GRID * GRID];
        // the appearance extractor fills the first 48 slots (4x4 pixels x RGB); the rest stay zero
        for (int i = 0; i < 48 * GRID * GRID; i++) {
            volume[i] = random.nextFloat();
        }
        float[] kp = randomKeypoints(random);

        float[] out = warp(volume, kp, kp);

        assertThat(out).as("warp output size").hasSize(OUT_CHANNELS * GRID * GRID);
        assertThat(maxDifference(out, Arrays.copyOf(volume, out.length))).as("largest deviation from the packed input")
                .isLessThan(1e-4f);
    }

    @Test
    void warpMovesContentWithAKeypoint() throws OrtException {
        // every slot holds its cell's y coordinate, so a sample's value tells where it came from
        float[] volume = new float[CHANNELS * DEPTH * GRID * GRID];
        for (int i = 0; i < volume.length; i++) {
            volume[i] = centre((i / GRID) % GRID);
        }
        int row = 40;
        int col = 32;
        float[] source = new float[KEYPOINTS * 3];
        for (int k = 0; k < KEYPOINTS; k++) {
            source[3 * k] = -0.9f + 0.05f * k;
            source[3 * k + 1] = -0.9f;
        }
        source[0] = centre(col);
        source[1] = centre(row);
        float[] driving = source.clone();
        float lift = -0.05f;
        driving[1] += lift;

        float[] out = warp(volume, source, driving);

        assertThat(out[row * GRID + col]).as("value at the moved keypoint comes from below it")
                .isCloseTo(centre(row) - lift, within(1e-3f));
        assertThat(out[10 * GRID + 60]).as("value far from every moving keypoint").isEqualTo(centre(10));
    }

    @Test
    void warpShadesTheGapBetweenPartingKeypoints() throws OrtException {
        float[] volume = new float[CHANNELS * DEPTH * GRID * GRID];
        float[] source = new float[KEYPOINTS * 3];
        for (int k = 0; k < KEYPOINTS; k++) {
            source[3 * k] = -0.9f + 0.05f * k;
            source[3 * k + 1] = -0.9f;
        }
        int col = 32;
        source[0] = centre(col);
        source[1] = centre(36);
        source[3] = centre(col);
        source[4] = centre(40);
        float[] driving = source.clone();
        driving[1] -= 0.04f;
        driving[4] += 0.04f;

        float[] out = warp(volume, source, driving);

        int shadeSlot = 3 * 4 * 4;
        assertThat(out[(shadeSlot * GRID + 38) * GRID + col]).as("shade between the parting keypoints").isGreaterThan(0.3f);
        assertThat(out[(shadeSlot * GRID + 10) * GRID + col]).as("shade far above them").isZero();
    }

    @Test
    void decoderDarkensByTheShadeSlot() throws OrtException {
        float[] feature = new float[OUT_CHANNELS * GRID * GRID];
        Arrays.fill(feature, 0, 48 * GRID * GRID, 0.8f);
        Arrays.fill(feature, 48 * GRID * GRID, 49 * GRID * GRID, 0.5f);

        float[] decoded = DemoRuntime.run("decoder",
                Map.of("feature", DemoRuntime.floats(feature, 1, OUT_CHANNELS, GRID, GRID))).get(0);

        float[] expected = new float[decoded.length];
        Arrays.fill(expected, 0.4f);
        assertThat(maxDifference(decoded, expected)).as("largest deviation of a grey crop under shade 0.5 from 0.4")
                .isLessThan(1e-5f);
    }

    @Test
    void decodingThePackedCropRestoresItAtTwiceTheSize() throws OrtException {
        float[] image = new float[3 * SIDE * SIDE];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    image[(c * SIDE + y) * SIDE + x] =
                            0.5f + 0.3f * (float) (Math.sin(x / 20.0 + c) * Math.cos(y / 17.0));
                }
            }
        }
        float[] packed = DemoRuntime.run("appearance_extractor",
                Map.of("image", DemoRuntime.floats(image, 1, 3, SIDE, SIDE))).get(0);
        float[] kp = randomKeypoints(new Random(2));
        float[] feature = warp(packed, kp, kp);
        float[] decoded = DemoRuntime.run("decoder",
                Map.of("feature", DemoRuntime.floats(feature, 1, OUT_CHANNELS, GRID, GRID))).get(0);

        int big = 2 * SIDE;
        assertThat(decoded).as("decoder output size").hasSize(3 * big * big);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    int o = (c * big + 2 * y) * big + 2 * x;
                    float block = (decoded[o] + decoded[o + 1] + decoded[o + big] + decoded[o + big + 1]) / 4;
                    assertThat(block).as("2x2 block mean at channel %d, (%d, %d)", c, x, y)
                            .isCloseTo(image[(c * SIDE + y) * SIDE + x], within(2e-3f));
                }
            }
        }
    }

    private static float[] warp(float[] volume, float[] source, float[] driving) throws OrtException {
        return DemoRuntime.run("warp_network_ori", Map.of(
                "feature_3d", DemoRuntime.floats(volume, 1, CHANNELS, DEPTH, GRID, GRID),
                "kp_source", DemoRuntime.floats(source, 1, KEYPOINTS, 3),
                "kp_driving", DemoRuntime.floats(driving, 1, KEYPOINTS, 3))).get(0);
    }

    private static float maxDifference(float[] a, float[] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static float[] randomKeypoints(Random random) {
        float[] kp = new float[KEYPOINTS * 3];
        for (int i = 0; i < kp.length; i++) {
            kp[i] = random.nextFloat() * 2 - 1;
        }
        return kp;
    }

    /** A cell centre in [-1,1], the coordinate GridSample gives cell i of the grid. */
    private static float centre(int i) {
        return (2f * i + 1) / GRID - 1;
    }
}
