package dittospark.models.demo;

/** The diffusion noise schedule of the LMDM: cosine betas (s = 0.008) in float64, products in float32. */
final class CosineSchedule {
    static final int STEPS = 1000;
    private static final double S = 0.008;

    private CosineSchedule() {
    }

    static float[] alphasCumprod() {
        double[] alphaBar = new double[STEPS + 1];
        for (int t = 0; t <= STEPS; t++) {
            double c = Math.cos(((double) t / STEPS + S) / (1 + S) * Math.PI / 2);
            alphaBar[t] = c * c;
        }
        float[] cumprod = new float[STEPS];
        float product = 1f;
        for (int t = 0; t < STEPS; t++) {
            // alpha_bar is normalised by its value at 0, which cancels in the ratio
            float beta = (float) Math.min(Math.max(1 - alphaBar[t + 1] / alphaBar[t], 0), 0.999);
            product *= 1f - beta;
            cumprod[t] = product;
        }
        return cumprod;
    }
}
