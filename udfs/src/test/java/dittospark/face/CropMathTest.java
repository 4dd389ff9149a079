package dittospark.face;

import dittospark.image.Affine;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CropMathTest {
    private static float[] points(int n, long seed) {
        Random r = new Random(seed);
        float[] p = new float[2 * n];
        for (int i = 0; i < p.length; i++) {
            p[i] = 200 + 300 * r.nextFloat();
        }
        return p;
    }

    private static void put(float[] pts, int index, float x, float y) {
        pts[2 * index] = x;
        pts[2 * index + 1] = y;
    }

    @Test
    void anchorsOf106PointsUseItsEyeAndLipIndices() {
        float[] pts = new float[212];
        for (int i : new int[] {33, 35, 40, 39}) {
            put(pts, i, 10, 20);
        }
        for (int i : new int[] {87, 89, 94, 93}) {
            put(pts, i, 30, 20);
        }
        put(pts, 52, 18, 60);
        put(pts, 61, 22, 64);

        assertThat(CropMath.anchors(pts)).as("eye centre and lip centre").containsExactly(20f, 20f, 20f, 62f);
    }

    @Test
    void anchorsOf203PointsUseItsEyeAndLipIndices() {
        float[] pts = new float[406];
        for (int i : new int[] {0, 6, 12, 18}) {
            put(pts, i, 10, 20);
        }
        for (int i : new int[] {24, 30, 36, 42}) {
            put(pts, i, 30, 24);
        }
        put(pts, 48, 18, 60);
        put(pts, 66, 22, 64);

        assertThat(CropMath.anchors(pts)).as("eye centre and lip centre").containsExactly(20f, 22f, 20f, 62f);
    }

    @Test
    void rejectsOtherLandmarkCounts() {
        assertThatThrownBy(() -> CropMath.anchors(new float[136])).as("68 landmarks")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cropToOriginalUndoesOriginalToCrop() {
        float[] pts = points(203, 7);
        CropMath.Transform t = CropMath.transform(pts, 512, 2.3, -0.125, true);

        float[] back = t.c2o().transformPoints(t.o2c().transformPoints(new float[] {300, 400}));

        assertThat(back[0]).as("x after the round trip").isCloseTo(300f, within(0.01f));
        assertThat(back[1]).as("y after the round trip").isCloseTo(400f, within(0.01f));
    }

    @Test
    void withoutRotationTheCropIsAxisAligned() {
        Affine o2c = CropMath.transform(points(106, 3), 224, 1.5, -0.1, false).o2c();

        assertThat(new double[] {o2c.get(0, 1), o2c.get(1, 0)}).as("shear terms").containsExactly(0, 0);
    }

    @Test
    void rectCentreMapsToTheCropCentre() {
        float[] pts = points(106, 11);
        CropMath.Rect rect = CropMath.rect(pts, 1.5, 0, -0.1);

        float[] c = CropMath.transform(pts, 224, 1.5, -0.1, true).o2c().transformPoints(new float[] {rect.cx(), rect.cy()});

        assertThat(c[0]).as("x of the rectangle centre in the crop").isCloseTo(112f, within(1e-3f));
        assertThat(c[1]).as("y of the rectangle centre in the crop").isCloseTo(112f, within(1e-3f));
    }
    @Test
    void horizontalRatioMovesTheCropAlongTheFaceAxis() {
        float[] pts = points(203, 5);
        CropMath.Rect shifted = CropMath.rect(pts, 2.3, 0.1, -0.125);

        float[] c = CropMath.transform(pts, 512, 2.3, 0.1, -0.125, true).o2c()
                .transformPoints(new float[] {shifted.cx(), shifted.cy()});

        assertThat(c[0]).as("x of the shifted rectangle centre in the crop").isCloseTo(256f, within(1e-2f));
        assertThat(c[1]).as("y of the shifted rectangle centre in the crop").isCloseTo(256f, within(1e-2f));
    }
}
