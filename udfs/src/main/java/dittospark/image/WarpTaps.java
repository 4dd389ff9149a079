package dittospark.image;

/**
 * Where {@code cv2.warpAffine(src, M, dsize, INTER_LINEAR, BORDER_CONSTANT, 0)} reads each destination
 * pixel of a float picture, so that chosen pixels can be computed alone and still equal OpenCV's to the
 * last bit. The bundled OpenCV (4.11) inverts M in double, steps the source position of each destination
 * pixel in fixed point (1/1024 pixel), rounds it to 1/32 pixel, and sums the 2x2 taps in float in the
 * order top-left, top-right, bottom-left, bottom-right with weights from a float table: products of
 * (1 - f, f), f a multiple of 1/32 (so every weight is exact). A tap outside the source reads 0.
 *
 * <p>The taps are read from the source padded with one pixel of 0 on every side ({@link #pad}): then
 * every pixel that reads anything reads a 2x2 block of the padded source, the border's zeros standing
 * where OpenCV puts its border value, and its taps are one int: the padded index of its top-left tap
 * ({@link #tap}) and its entry of {@link #weightTable()} ({@link #entry}). The value is then
 * {@code ((tl * w0 + tr * w1) + bl * w2) + br * w3} in float, in that order.
 */
public final class WarpTaps {
    private static final int INTER_BITS = 5;
    private static final int TAB = 1 << INTER_BITS;
    private static final int AB_BITS = 10;
    private static final int AB_SCALE = 1 << AB_BITS;
    private static final int ROUND_DELTA = AB_SCALE / TAB / 2;
    /** Weight entries: one per pair of 1/32 fractions, numbered by the low bits of a pixel's taps. */
    private static final int ENTRY_BITS = 2 * INTER_BITS;
    private static final int FRACTIONS = 1 << ENTRY_BITS;
    /** The taps of a pixel that reads no tap inside the source, which OpenCV sets to 0. */
    public static final int OUTSIDE = -1;
    /** Weights of entry e at 4e .. 4e+3: top-left, top-right, bottom-left, bottom-right. */
    private static final float[] WEIGHTS = weights();
    /** Source positions further than this outside the source read no tap inside it, whatever the rounding. */
    private static final double REACH_MARGIN = 2;

    private final double[] inv;
    private final int srcWidth;
    private final int srcHeight;
    private final int dstWidth;
    /** OpenCV's per-column steps of the fixed-point source position. */
    private final int[] columnX;
    private final int[] columnY;

    /** The columns {@code from} (inclusive) to {@code to} (exclusive) of one destination row; empty when from >= to. */
    public record Span(int from, int to) {
        public boolean isEmpty() {
            return from >= to;
        }
    }

    /** Taps of {@code m} (source to destination, as given to warpAffine) for destination rows {@code dstWidth} wide. */
    public WarpTaps(Affine m, int srcWidth, int srcHeight, int dstWidth) {
        if (srcWidth < 1 || srcHeight < 1 || srcWidth > Short.MAX_VALUE || srcHeight > Short.MAX_VALUE
                || (long) (srcWidth + 2) * (srcHeight + 2) > Integer.MAX_VALUE >> ENTRY_BITS) {
            throw new IllegalArgumentException("no taps for a source of " + srcWidth + "x" + srcHeight);
        }
        this.inv = inverse(m.coefficients());
        this.srcWidth = srcWidth;
        this.srcHeight = srcHeight;
        this.dstWidth = dstWidth;
        this.columnX = new int[dstWidth];
        this.columnY = new int[dstWidth];
        for (int x = 0; x < dstWidth; x++) {
            columnX[x] = cvRound(inv[0] * x * AB_SCALE);
            columnY[x] = cvRound(inv[3] * x * AB_SCALE);
        }
    }

    /**
     * The taps of destination pixels (x0 + i, y), i < count, into {@code taps[at + i]}. OpenCV saturates the
     * integer tap position to 16 bits, which only ever moves a position that reads nothing to another that
     * reads nothing: sources are narrower than 32767 pixels.
     */
    public void row(int y, int x0, int count, int[] taps, int at) {
        if (x0 < 0 || x0 + count > dstWidth) {
            throw new IndexOutOfBoundsException("columns " + x0 + " to " + (x0 + count) + " of a row of " + dstWidth);
        }
        int rowX = cvRound((inv[1] * y + inv[2]) * AB_SCALE) + ROUND_DELTA;
        int rowY = cvRound((inv[4] * y + inv[5]) * AB_SCALE) + ROUND_DELTA;
        int paddedWidth = srcWidth + 2;
        for (int i = 0; i < count; i++) {
            int x = x0 + i;
            int fixedX = (rowX + columnX[x]) >> (AB_BITS - INTER_BITS);
            int fixedY = (rowY + columnY[x]) >> (AB_BITS - INTER_BITS);
            int sx = fixedX >> INTER_BITS;
            int sy = fixedY >> INTER_BITS;
            if (sx >= srcWidth || sx < -1 || sy >= srcHeight || sy < -1) {
                taps[at + i] = OUTSIDE;
            } else {
                int tap = (sy + 1) * paddedWidth + sx + 1;
                taps[at + i] = tap << ENTRY_BITS | (fixedY & (TAB - 1)) << INTER_BITS | (fixedX & (TAB - 1));
            }
        }
    }

    /** The padded index of the top-left tap of {@code taps} (not {@link #OUTSIDE}). */
    public static int tap(int taps) {
        return taps >> ENTRY_BITS;
    }

    /** The weight entry of {@code taps} (not {@link #OUTSIDE}). */
    public static int entry(int taps) {
        return taps & (FRACTIONS - 1);
    }

    /**
     * The columns of destination row {@code y}, within {@code [0, dstWidth)}, outside of which every pixel
     * is {@link #OUTSIDE}.
     */
    public Span reach(int y) {
        double lo = 0;
        double hi = dstWidth - 1;
        double[] slopes = {inv[0], inv[3]};
        double[] offsets = {inv[1] * y + inv[2], inv[4] * y + inv[5]};
        int[] sizes = {srcWidth, srcHeight};
        for (int axis = 0; axis < 2; axis++) {
            double min = -REACH_MARGIN - offsets[axis];
            double max = sizes[axis] - 1 + REACH_MARGIN - offsets[axis];
            double slope = slopes[axis];
            if (slope == 0) {
                if (min > 0 || max < 0) {
                    return new Span(0, 0);
                }
                continue;
            }
            lo = Math.max(lo, Math.min(min / slope, max / slope));
            hi = Math.min(hi, Math.max(min / slope, max / slope));
        }
        return lo <= hi ? new Span((int) Math.floor(lo), (int) Math.ceil(hi) + 1) : new Span(0, 0);
    }

    /** A copy of the weight table: entry e's four weights at 4e .. 4e+3, in OpenCV's order of summing. */
    public static float[] weightTable() {
        return WEIGHTS.clone();
    }

    /** {@code src} with one pixel of 0 around it: the picture that {@link #row}'s taps index. */
    public static FloatImage pad(FloatImage src) {
        int c = src.channels();
        int w = src.width() + 2;
        float[] padded = new float[w * (src.height() + 2) * c];
        for (int y = 0; y < src.height(); y++) {
            System.arraycopy(src.data(), y * src.width() * c, padded, ((y + 1) * w + 1) * c, src.width() * c);
        }
        return new FloatImage(w, src.height() + 2, c, padded);
    }

    private static float[] weights() {
        float[] table = new float[FRACTIONS * 4];
        for (int fy = 0; fy < TAB; fy++) {
            for (int fx = 0; fx < TAB; fx++) {
                float[] wy = axisWeights(fy);
                float[] wx = axisWeights(fx);
                int e = (fy * TAB + fx) * 4;
                table[e] = wy[0] * wx[0];
                table[e + 1] = wy[0] * wx[1];
                table[e + 2] = wy[1] * wx[0];
                table[e + 3] = wy[1] * wx[1];
            }
        }
        return table;
    }

    /** OpenCV's linear weights (1 - f, f) of a fraction in 1/32, computed as its table is. */
    private static float[] axisWeights(int fraction) {
        float f = fraction * (1f / TAB);
        return new float[] {1f - f, f};
    }

    /** {@code cv::warpAffine}'s inversion of M, in double and in its order of operations. */
    private static double[] inverse(double[] m) {
        double d = m[0] * m[4] - m[1] * m[3];
        d = d != 0 ? 1.0 / d : 0;
        double a11 = m[4] * d;
        double a22 = m[0] * d;
        double a12 = m[1] * -d;
        double a21 = m[3] * -d;
        double b1 = -a11 * m[2] - a12 * m[5];
        double b2 = -a21 * m[2] - a22 * m[5];
        return new double[] {a11, a12, b1, a21, a22, b2};
    }

    /** {@code saturate_cast<int>(double)} on x86: round half to even; out of range or NaN gives INT_MIN. */
    private static int cvRound(double v) {
        double r = Math.rint(v);
        return r >= Integer.MIN_VALUE && r <= Integer.MAX_VALUE ? (int) r : Integer.MIN_VALUE;
    }
}
