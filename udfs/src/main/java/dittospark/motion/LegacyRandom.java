package dittospark.motion;

/**
 * NumPy's legacy {@code RandomState}, bit for bit: MT19937 seeded from a 32-bit integer, 53-bit
 * doubles, and the polar Gaussian that keeps its second value for the next call. A render seeded with
 * S therefore draws exactly what the reference draws after {@code np.random.seed(S)}.
 */
public final class LegacyRandom {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] state = new int[N];
    private int pos;
    private boolean hasGauss;
    private double gauss;

    /** @param seed 0 .. 2^32-1, as NumPy accepts for an integer seed */
    public LegacyRandom(long seed) {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("seed must be in 0..4294967295, got " + seed);
        }
        int s = (int) seed;
        for (int i = 0; i < N; i++) {
            state[i] = s;
            s = 1812433253 * (s ^ (s >>> 30)) + i + 1;
        }
        pos = N;
    }

    /** Uniform in [0, 1) with 53 random bits ({@code random_sample}). */
    public double nextDouble() {
        long a = Integer.toUnsignedLong(nextInt()) >>> 5;
        long b = Integer.toUnsignedLong(nextInt()) >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** Standard normal ({@code standard_normal} of the legacy generator). */
    public double nextGaussian() {
        if (hasGauss) {
            hasGauss = false;
            return gauss;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * nextDouble() - 1.0;
            x2 = 2.0 * nextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    /** {@code randn(count).astype(float32)}: doubles drawn in order, each rounded to float. */
    public float[] randn(int count) {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = (float) nextGaussian();
        }
        return out;
    }

    private int nextInt() {
        if (pos >= N) {
            twist();
        }
        int y = state[pos++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (state[i] & UPPER_MASK) | (state[(i + 1) % N] & LOWER_MASK);
            state[i] = state[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        }
        pos = 0;
    }
}
