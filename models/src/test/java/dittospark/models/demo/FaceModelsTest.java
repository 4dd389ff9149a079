package dittospark.models.demo;

import ai.onnxruntime.OrtException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FaceModelsTest {
    private static final int[] LIPS = {6, 12, 14, 17, 19, 20};
    private static final int[] EYES = {11, 13, 15, 16, 18};

    @Test
    void motionExtractorGivesANeutralPose() throws OrtException {
        List<float[]> out = DemoRuntime.runOnZeros("motion_extractor");

        for (int i = 0; i < 3; i++) {
            assertThat(degrees(out.get(i))).as("angle %d in degrees", i).isCloseTo(0, within(1e-3));
        }
        assertThat(out.get(3)).as("t").containsOnly(0f);
        assertThat(out.get(4)).as("exp").containsOnly(0f);
        assertThat(out.get(5)).as("scale").containsExactly(1f);
    }

    @Test
    void motionKeypointsPutTheLipsBelowTheEyesInsideTheCrop() throws OrtException {
        float[] kp = DemoRuntime.runOnZeros("motion_extractor").get(6);

        assertThat(min(kp)).as("smallest keypoint coordinate").isGreaterThan(-1f);
        assertThat(max(kp)).as("largest keypoint coordinate").isLessThan(1f);
        double lowestEye = -1;
        for (int e : EYES) {
            lowestEye = Math.max(lowestEye, kp[3 * e + 1]);
        }
        for (int l : LIPS) {
            assertThat(kp[3 * l + 1]).as("lip keypoint %d y", l).isGreaterThan((float) lowestEye + 0.2f);
            assertThat(kp[3 * l]).as("lip keypoint %d x", l).isBetween(-0.2f, 0.2f);
        }
    }

    @Test
    void scrfdScoresNothingAboveItsThreshold() throws OrtException {
        List<float[]> out = DemoRuntime.runOnZeros("insightface_det");

        assertThat(out).as("outputs").hasSize(9);
        for (int i = 0; i < 3; i++) {
            assertThat(max(out.get(i))).as("best score of stride %d", 8 << i).isLessThan(0.5f);
        }
    }

    @Test
    void landmark106PlacesLevelEyesAboveTheLips() throws OrtException {
        float[] p = DemoRuntime.runOnZeros("landmark106").get(0);

        assertThat(min(p)).as("smallest coordinate").isGreaterThan(-1f);
        assertThat(max(p)).as("largest coordinate").isLessThan(1f);
        assertUpright(p, new int[] {33, 35, 40, 39}, new int[] {87, 89, 94, 93}, new int[] {52, 61});
    }

    @Test
    void landmark203PlacesLevelEyesAboveTheLips() throws OrtException {
        float[] p = DemoRuntime.runOnZeros("landmark203").get(0);

        assertThat(min(p)).as("smallest coordinate").isGreaterThan(0f);
        assertThat(max(p)).as("largest coordinate").isLessThan(1f);
        assertUpright(p, new int[] {0, 6, 12, 18}, new int[] {24, 30, 36, 42}, new int[] {48, 66});
    }

    @Test
    void blazeFaceDetectsOneFaceWithLevelEyes() throws OrtException {
        List<float[]> out = DemoRuntime.runOnZeros("blaze_face");
        float[] regressors = out.get(0);
        float[] scores = out.get(1);

        int confident = -1;
        int count = 0;
        for (int a = 0; a < scores.length; a++) {
            if (1 / (1 + Math.exp(-Math.max(-50, Math.min(100, scores[a])))) >= 0.5) {
                confident = a;
                count++;
            }
        }
        assertThat(count).as("anchors scoring at least 0.5").isEqualTo(1);
        int base = confident * 16;
        assertThat(regressors[base + 5]).as("eye 0 y offset equals eye 1 y offset").isEqualTo(regressors[base + 7]);
        assertThat(regressors[base + 4]).as("eye 0 left of eye 1").isLessThan(regressors[base + 6]);
        assertThat(regressors[base + 2]).as("box width in input pixels").isBetween(20f, 100f);
    }

    @Test
    void faceMeshEyesAreOpenAndLookAhead() throws OrtException {
        float[] mesh = DemoRuntime.runOnZeros("face_mesh").get(0);

        double left = eyeOpen(mesh, 33, 133, new int[][] {{145, 159}, {144, 160}, {153, 158}});
        double right = eyeOpen(mesh, 263, 362, new int[][] {{374, 386}, {373, 387}, {380, 385}});
        assertThat(left).as("left eye opening").isGreaterThan(0.5);
        assertThat(right).as("right eye opening").isCloseTo(left, within(1e-4));
        assertThat(mesh[3 * 468]).as("left iris x at the eye centre").isCloseTo((mesh[3 * 33] + mesh[3 * 133]) / 2, within(1e-3f));
    }

    @Test
    void stitchNetworkReturnsTheDrivingKeypoints() throws OrtException {
        float[] source = new float[63];
        float[] driving = new float[63];
        for (int i = 0; i < 63; i++) {
            driving[i] = i * 0.01f;
        }
        float[] out = DemoRuntime.run("stitch_network", Map.of(
                "kp_source", DemoRuntime.floats(source, 1, 21, 3),
                "kp_driving", DemoRuntime.floats(driving, 1, 21, 3))).get(0);

        assertThat(out).as("adjusted driving keypoints").containsExactly(driving);
    }

    /** Degrees of 66 bin logits: softmax expectation * 3 - 97.5. */
    private static double degrees(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double weighted = 0;
        for (int i = 0; i < logits.length; i++) {
            double e = Math.exp(logits[i] - max);
            sum += e;
            weighted += e * i;
        }
        return weighted / sum * 3 - 97.5;
    }

    private static void assertUpright(float[] p, int[] leftEye, int[] rightEye, int[] lips) {
        double[] l = mean(p, leftEye);
        double[] r = mean(p, rightEye);
        double[] m = mean(p, lips);
        assertThat(l[1]).as("eyes level").isCloseTo(r[1], within(1e-6));
        assertThat(m[0]).as("lips centred under the eyes").isCloseTo((l[0] + r[0]) / 2, within(1e-6));
        assertThat(m[1]).as("lips below the eyes").isGreaterThan(l[1]);
    }

    private static float min(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
        }
        return min;
    }

    private static float max(float[] values) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static double[] mean(float[] p, int[] indices) {
        double x = 0;
        double y = 0;
        for (int i : indices) {
            x += p[2 * i] / indices.length;
            y += p[2 * i + 1] / indices.length;
        }
        return new double[] {x, y};
    }

    private static double eyeOpen(float[] mesh, int corner1, int corner2, int[][] lids) {
        double heights = 0;
        for (int[] pair : lids) {
            heights += distance(mesh, pair[0], pair[1]);
        }
        return heights / (distance(mesh, corner1, corner2) + 1e-8);
    }

    private static double distance(float[] mesh, int a, int b) {
        double dx = mesh[3 * a] - mesh[3 * b];
        double dy = mesh[3 * a + 1] - mesh[3 * b + 1];
        double dz = mesh[3 * a + 2] - mesh[3 * b + 2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
