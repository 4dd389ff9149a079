package dittospark.motion;

/**
 * The DDIM sampling schedule of the LMDM (eta = 1) over the 1000-step cosine noise schedule. Pair k
 * runs the model at {@link #time(int) time(k)}; every pair but the last then renoises with
 * {@link #alphaNextSqrt}, {@link #c} and {@link #sigma}. Arithmetic is float32 where the reference's is.
 */
public final class DdimSchedule {
    public static final int TRAINING_STEPS = 1000;
    private static final double COSINE_S = 0.008;
    private static final float[] ALPHAS_CUMPROD = alphasCumprod();

    private final int[] times;
    private final float[] sigma;
    private final float[] c;
    private final float[] alphaNextSqrt;

    /** @param samplingSteps number of model calls per clip, at least 1 */
    public DdimSchedule(int samplingSteps) {
        if (samplingSteps < 1) {
            throw new IllegalArgumentException("sampling steps must be at least 1, got " + samplingSteps);
        }
        times = reversedTimes(samplingSteps);
        int updates = samplingSteps - 1;
        sigma = new float[updates];
        c = new float[updates];
        alphaNextSqrt = new float[updates];
        for (int k = 0; k < updates; k++) {
            float a = ALPHAS_CUMPROD[times[k]];
            float an = ALPHAS_CUMPROD[times[k + 1]];
            sigma[k] = (float) Math.sqrt((1f - a / an) * (1f - an) / (1f - a));
            // the reference's radicand goes slightly negative for some step counts (NaN there)
            c[k] = (float) Math.sqrt(Math.max(0f, 1f - an - sigma[k] * sigma[k]));
            alphaNextSqrt[k] = (float) Math.sqrt(an);
        }
    }

    /** Cumulative products of (1 - beta) in float32, betas from the cosine schedule in float64. */
    public static float[] alphasCumprod() {
        double[] alphaBar = new double[TRAINING_STEPS + 1];
        for (int t = 0; t <= TRAINING_STEPS; t++) {
            double x = ((double) t / TRAINING_STEPS + COSINE_S) / (1 + COSINE_S) * Math.PI / 2;
            double cos = Math.cos(x);
            alphaBar[t] = cos * cos;
        }
        float[] out = new float[TRAINING_STEPS];
        float product = 1f;
        for (int t = 0; t < TRAINING_STEPS; t++) {
            double beta = 1 - (alphaBar[t + 1] / alphaBar[0]) / (alphaBar[t] / alphaBar[0]);
            float alpha = 1f - (float) Math.min(Math.max(beta, 0), 0.999);
            product *= alpha;
            out[t] = product;
        }
        return out;
    }

    /** Number of model calls (time pairs). */
    public int steps() {
        return times.length - 1;
    }

    /** Time of pair k, fed to the model. */
    public int time(int k) {
        return times[k];
    }

    /** Next time of pair k; -1 for the last pair, which takes x_start as the result. */
    public int timeNext(int k) {
        return times[k + 1];
    }

    public float sigma(int k) {
        return sigma[k];
    }

    public float c(int k) {
        return c[k];
    }

    public float alphaNextSqrt(int k) {
        return alphaNextSqrt[k];
    }

    /** The per-pair renoising arrays the reference draws at setup, in pair order, each {@code size} long. */
    public float[][] drawNoise(LegacyRandom random, int size) {
        float[][] noise = new float[steps() - 1][];
        for (int k = 0; k < noise.length; k++) {
            noise[k] = random.randn(size);
        }
        return noise;
    }

    /** truncate(linspace(-1, 999, steps + 1)) reversed, with linspace evaluated as float32 from both ends. */
    private static int[] reversedTimes(int steps) {
        int count = steps + 1;
        float start = -1f;
        float end = TRAINING_STEPS - 1;
        float step = (end - start) / (count - 1);
        int half = count / 2;
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            float v = i < half ? start + step * i : end - step * (count - i - 1);
            out[count - 1 - i] = (int) v;
        }
        return out;
    }
}
