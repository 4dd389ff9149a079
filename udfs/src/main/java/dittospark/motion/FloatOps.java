package dittospark.motion;

/**
 * Element-wise float32 arithmetic on motion entries with NumPy's broadcasting of a single value,
 * which the reference relies on when a pose entry in degrees meets one in bins.
 */
final class FloatOps {
    private static final int PAIRWISE_LANES = 8;

    private static final float EXP_OVERFLOW = 88.72283935546875f;
    private static final float EXP_UNDERFLOW = -103.97208404541015625f;
    private static final float LOG2_E = 1.442695040888963f;
    private static final float LN2_HIGH = -6.93145752e-1f;
    private static final float LN2_LOW = -1.42860677e-6f;
    private static final float[] EXP_NUMERATOR = {
        9.999999999980870924916e-01f, 7.257664613233124478488e-01f, 2.473615434895520810817e-01f,
        5.114512081637298353406e-02f, 6.757896990527504603057e-03f, 5.082762527590693718096e-04f};
    private static final float[] EXP_DENOMINATOR = {
        1.0f, -2.742335390411667452936e-01f, 2.159509375685829852307e-02f};
    private static final int PAIRWISE_BLOCK = 128;

    private FloatOps() {
    }

    /** {@code x * a + y * b}, the reference's blend with Python-float weights rounded to float32. */
    static float[] blend(float[] x, double a, float[] y, double b) {
        float fa = (float) a;
        float fb = (float) b;
        int n = broadcastLength(x, y);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = at(x, i) * fa + at(y, i) * fb;
        }
        return out;
    }

    /** {@code base + (x - origin) * w}. */
    static float[] offset(float[] base, float[] x, float[] origin, double w) {
        float fw = (float) w;
        int n = broadcastLength(base, broadcastLength(x, origin));
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = at(base, i) + (at(x, i) - at(origin, i)) * fw;
        }
        return out;
    }

    static float[] times(float[] x, double a) {
        float fa = (float) a;
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * fa;
        }
        return out;
    }

    /** {@code x + a}, {@code a} one value or one per value of {@code x}. */
    static float[] plus(float[] x, float[] a) {
        int n = broadcastLength(x, a);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = at(x, i) + at(a, i);
        }
        return out;
    }

    /**
     * NumPy's float32 {@code exp} on x86 with AVX2/AVX-512 and FMA: Cody-Waite reduction by ln 2, then a
     * 5/2 rational minimax approximation evaluated with fused multiply-adds. It is up to 2.5 ulp off the
     * true value; matching it bit for bit keeps the softmax in pose degrees identical to the reference,
     * where {@code * 3 - 97.5} would otherwise turn last-bit differences into visible absolute error.
     */
    static float exp(float x) {
        if (Float.isNaN(x)) {
            return x;
        }
        if (x >= EXP_OVERFLOW) {
            return Float.POSITIVE_INFINITY;
        }
        if (x <= EXP_UNDERFLOW) {
            return 0f;
        }
        float k = (float) Math.rint(x * LOG2_E);
        float y = Math.fma(k, LN2_HIGH, x);
        y = Math.fma(k, LN2_LOW, y);
        float num = EXP_NUMERATOR[5];
        for (int i = 4; i >= 0; i--) {
            num = Math.fma(num, y, EXP_NUMERATOR[i]);
        }
        float den = Math.fma(Math.fma(EXP_DENOMINATOR[2], y, EXP_DENOMINATOR[1]), y, EXP_DENOMINATOR[0]);
        return Math.scalb(num / den, (int) k);
    }

    /** NumPy's float32 sum along a contiguous axis: eight running lanes per block, combined pairwise. */
    static float sum(float[] a) {
        return pairwise(a, 0, a.length);
    }

    private static float pairwise(float[] a, int from, int n) {
        if (n < PAIRWISE_LANES) {
            float s = 0f;
            for (int i = 0; i < n; i++) {
                s += a[from + i];
            }
            return s;
        }
        if (n <= PAIRWISE_BLOCK) {
            float[] r = new float[PAIRWISE_LANES];
            System.arraycopy(a, from, r, 0, PAIRWISE_LANES);
            int full = n - n % PAIRWISE_LANES;
            for (int i = PAIRWISE_LANES; i < full; i += PAIRWISE_LANES) {
                for (int j = 0; j < PAIRWISE_LANES; j++) {
                    r[j] += a[from + i + j];
                }
            }
            float s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (int i = full; i < n; i++) {
                s += a[from + i];
            }
            return s;
        }
        int half = n / 2;
        half -= half % PAIRWISE_LANES;
        return pairwise(a, from, half) + pairwise(a, from + half, n - half);
    }

    private static int broadcastLength(float[] a, float[] b) {
        return broadcastLength(a, b.length);
    }

    private static int broadcastLength(float[] a, int n) {
        if (a.length == n || n == 1) {
            return a.length;
        }
        if (a.length == 1) {
            return n;
        }
        throw new IllegalArgumentException("cannot broadcast " + a.length + " values against " + n);
    }

    private static float at(float[] a, int i) {
        return a.length == 1 ? a[0] : a[i];
    }
}
