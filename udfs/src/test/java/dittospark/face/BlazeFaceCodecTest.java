package dittospark.face;

import dittospark.image.Image;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BlazeFaceCodecTest {
    private static final int N = BlazeFaceCodec.INPUT_SIZE;

    @Test
    void preprocessGivesOneNhwcValuePerChannelInMinusOneToOne() {
        float[] input = BlazeFaceCodec.preprocess(CropExample.load());

        assertThat(input).as("128x128x3 input").hasSize(N * N * 3);
        for (float v : input) {
            assertThat(v).as("normalised value").isBetween(-1f, 1f);
        }
    }

    @Test
    void preprocessAveragesTheTwoCentralSourcePixelsOfEachFourPixelCell() {
        Image crop = CropExample.load();
        int factor = crop.width() / N;
        float[] input = BlazeFaceCodec.preprocess(crop);

        // Bilinear at a 4:1 reduction samples at 4x + 1.5: the mean of source pixels 4x+1 and 4x+2 in each axis.
        for (int[] p : new int[][] {{0, 0}, {40, 70}, {64, 64}, {127, 127}}) {
            for (int c = 0; c < 3; c++) {
                int sx = p[0] * factor + factor / 2 - 1;
                int sy = p[1] * factor + factor / 2 - 1;
                double mean = (crop.at(sx, sy, c) + crop.at(sx + 1, sy, c) + crop.at(sx, sy + 1, c)
                        + crop.at(sx + 1, sy + 1, c)) / 4.0;
                float value = input[(p[1] * N + p[0]) * 3 + c];
                assertThat((value + 1) * 127.5).as("grey level at (%d,%d) channel %d", p[0], p[1], c)
                        .isCloseTo(mean, within(1.0));
            }
        }
    }

    @Test
    void anchorsCoverBothFeatureMapsInOrder() {
        double[][] anchors = BlazeFaceCodec.anchors();

        assertThat(anchors).as("anchor count").hasNumberOfRows(BlazeFaceCodec.NUM_ANCHORS);
        assertThat(anchors[0]).as("first anchor: first 16x16 cell").containsExactly(0.5 / 16, 0.5 / 16, 1, 1);
        assertThat(anchors[2 * 16 * 16]).as("first anchor of the 8x8 map").containsExactly(0.5 / 8, 0.5 / 8, 1, 1);
        assertThat(anchors[BlazeFaceCodec.NUM_ANCHORS - 1]).as("last anchor").containsExactly(7.5 / 8, 7.5 / 8, 1, 1);
    }

    @Test
    void scoresBelowOneHalfYieldNoFace() {
        float[] regressors = new float[BlazeFaceCodec.NUM_ANCHORS * BlazeFaceCodec.NUM_COORDS];
        float[] scores = new float[BlazeFaceCodec.NUM_ANCHORS];
        java.util.Arrays.fill(scores, -0.01f);

        assertThat(BlazeFaceCodec.decode(regressors, scores)).as("detections").isEmpty();
    }

    @Test
    void overlappingBoxesBlendByScoreAndDistantBoxesStaySeparate() {
        float[] regressors = new float[BlazeFaceCodec.NUM_ANCHORS * BlazeFaceCodec.NUM_COORDS];
        float[] scores = new float[BlazeFaceCodec.NUM_ANCHORS];
        java.util.Arrays.fill(scores, -10f);
        // Anchors 0 and 1 share the top-left cell; anchor 895 is the bottom-right one.
        box(regressors, 0, 0, 40);
        box(regressors, 1, 4, 40);
        box(regressors, 895, 0, 40);
        scores[0] = 3f;
        scores[1] = 1f;
        scores[895] = 2f;

        List<BlazeDetection> faces = BlazeFaceCodec.decode(regressors, scores);

        assertThat(faces).as("two faces").hasSize(2);
        double s0 = 1 / (1 + Math.exp(-3));
        double s1 = 1 / (1 + Math.exp(-1));
        double blendedCentreX = (0.5 / 16 * N) + 4 * s1 / (s0 + s1);
        BlazeDetection blended = faces.get(0);
        assertThat((blended.xMin() + blended.xMax()) / 2).as("blended centre x").isCloseTo(blendedCentreX, within(1e-4));
        assertThat(blended.score()).as("blended score is the mean").isCloseTo((s0 + s1) / 2, within(1e-6));
        assertThat(faces.get(1).xMin()).as("separate face's left edge").isCloseTo(7.5 / 8 * N - 20, within(1e-4));
    }

    private static void box(float[] regressors, int anchor, float dx, float size) {
        int o = anchor * BlazeFaceCodec.NUM_COORDS;
        regressors[o] = dx;
        regressors[o + 2] = size;
        regressors[o + 3] = size;
    }
}
