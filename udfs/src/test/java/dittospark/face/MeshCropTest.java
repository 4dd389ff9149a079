package dittospark.face;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The crop of Face Mesh's 478 points: anchors from the eye contours and the inner lips, size from the face below the forehead. */
class MeshCropTest {
    private static final int[] LEFT_EYE = {33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246};
    private static final int[] RIGHT_EYE = {263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388,
            466};
    private static final int[] INNER_LIP = {78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308, 324, 318, 402, 317, 14, 87,
            178, 88, 95};
    private static final int FOREHEAD = 10;
    private static final int CHIN = 152;

    /** Every point at (300, 300), then the eye contours and inner lips spread around their centres. */
    private static float[] mesh() {
        float[] p = new float[2 * FaceMeshCodec.NUM_LANDMARKS];
        Arrays.fill(p, 300f);
        spread(p, LEFT_EYE, 250, 280, 20);
        spread(p, RIGHT_EYE, 350, 280, 20);
        spread(p, INNER_LIP, 300, 360, 30);
        return p;
    }

    /** The points on a circle around (cx, cy): their mean is the centre. */
    private static void spread(float[] p, int[] indices, float cx, float cy, float r) {
        for (int k = 0; k < indices.length; k++) {
            double a = 2 * Math.PI * k / indices.length;
            p[2 * indices[k]] = (float) (cx + r * Math.cos(a));
            p[2 * indices[k] + 1] = (float) (cy + r * Math.sin(a));
        }
    }

    @Test
    void anchorsAreTheEyeContoursMeanAndTheInnerLipsMean() {
        float[] a = CropMath.anchors(mesh());

        assertThat(a[0]).as("eye centre x").isCloseTo(300f, within(1e-3f));
        assertThat(a[1]).as("eye centre y").isCloseTo(280f, within(1e-3f));
        assertThat(a[2]).as("lip centre x").isCloseTo(300f, within(1e-3f));
        assertThat(a[3]).as("lip centre y").isCloseTo(360f, within(1e-3f));
    }

    @Test
    void theForeheadDoesNotSizeTheCrop() {
        float[] high = mesh();
        high[2 * FOREHEAD + 1] = 100f;

        assertThat(CropMath.rect(high, 2.3, 0, -0.125)).as("crop with the forehead point moved far up")
                .isEqualTo(CropMath.rect(mesh(), 2.3, 0, -0.125));
    }

    @Test
    void theChinSizesTheCrop() {
        float[] low = mesh();
        low[2 * CHIN + 1] = 500f;

        assertThat(CropMath.rect(low, 1, 0, 0).size()).as("crop side, chin at y 500, eyes from y 260")
                .isCloseTo(240f, within(1e-3f));
    }
}
