package dittospark.motion;

import java.util.Random;

/** Random but reproducible motion infos for behaviour tests. */
final class MotionSamples {
    private MotionSamples() {
    }

    static MotionInfo random(long seed) {
        Random r = new Random(seed);
        return MotionInfo.of(1f + 0.1f * (float) r.nextGaussian(), values(r, 66, 2), values(r, 66, 2), values(r, 66, 2),
                values(r, 3, 0.1f), values(r, 63, 0.02f), values(r, 63, 0.3f));
    }

    static float[] values(Random r, int n, float sigma) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = sigma * (float) r.nextGaussian();
        }
        return v;
    }
}
