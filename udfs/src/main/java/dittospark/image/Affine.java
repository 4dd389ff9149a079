package dittospark.image;

import java.util.Arrays;

/**
 * A 2x3 affine transform [[a, b, c], [d, e, f]] in double, as OpenCV's warps take it. Crop matrices
 * of the reference are float32: {@link #toFloat32()} rounds a transform the way it stores them.
 */
public final class Affine {
    private final double[] m;

    private Affine(double[] m) {
        this.m = m;
    }

    /** Row-major coefficients a, b, c, d, e, f. */
    public static Affine of(double a, double b, double c, double d, double e, double f) {
        return new Affine(new double[] {a, b, c, d, e, f});
    }

    /** Coefficient at row r (0..1), column c (0..2). */
    public double get(int r, int c) {
        return m[r * 3 + c];
    }

    /** The six coefficients, row-major. */
    public double[] coefficients() {
        return m.clone();
    }

    /** Every coefficient rounded to float32. */
    public Affine toFloat32() {
        double[] out = new double[6];
        for (int i = 0; i < 6; i++) {
            out[i] = (float) m[i];
        }
        return new Affine(out);
    }

    /** The inverse mapping, in double ({@code cv2.invertAffineTransform}). */
    public Affine inverse() {
        double det = m[0] * m[4] - m[1] * m[3];
        if (det == 0) {
            throw new ArithmeticException("singular affine transform " + this);
        }
        double r = 1.0 / det;
        double a = m[4] * r;
        double b = -m[1] * r;
        double d = -m[3] * r;
        double e = m[0] * r;
        return of(a, b, -a * m[2] - b * m[5], d, e, -d * m[2] - e * m[5]);
    }

    /** Maps (x, y) pairs in float32 arithmetic: {@code pts @ M[:2,:2].T + M[:2,2]} on a float32 matrix. */
    public float[] transformPointsFloat32(float[] xy) {
        float a = (float) m[0];
        float b = (float) m[1];
        float c = (float) m[2];
        float d = (float) m[3];
        float e = (float) m[4];
        float f = (float) m[5];
        float[] out = new float[xy.length];
        for (int i = 0; i < xy.length; i += 2) {
            float x = xy[i];
            float y = xy[i + 1];
            out[i] = x * a + y * b + c;
            out[i + 1] = x * d + y * e + f;
        }
        return out;
    }

    /** Maps (x, y) pairs in double and rounds the results to float32. */
    public float[] transformPoints(float[] xy) {
        float[] out = new float[xy.length];
        for (int i = 0; i < xy.length; i += 2) {
            double x = xy[i];
            double y = xy[i + 1];
            out[i] = (float) (m[0] * x + m[1] * y + m[2]);
            out[i + 1] = (float) (m[3] * x + m[4] * y + m[5]);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Affine other && Arrays.equals(m, other.m);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m);
    }

    @Override
    public String toString() {
        return "Affine" + Arrays.toString(m);
    }
}
