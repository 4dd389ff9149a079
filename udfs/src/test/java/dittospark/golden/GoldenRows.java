package dittospark.golden;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;

/** Float32 views of golden arrays: JSON number arrays, slabs of .npy arrays, and back to doubles. */
final class GoldenRows {
    private GoldenRows() {
    }

    /** Any JSON number array, flattened row-major, as floats. */
    static float[] floats(JsonNode values) {
        double[] flat = GoldenFiles.flat(values);
        float[] out = new float[flat.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) flat[i];
        }
        return out;
    }

    /** Slab {@code index} of an array shaped [k][rows][cols] (or the whole array when it is 2-D) as rows. */
    static float[][] slab(Npy npy, int index) {
        int[] s = npy.shape();
        int rows = s[s.length - 2];
        int cols = s[s.length - 1];
        float[] all = npy.floats();
        float[][] out = new float[rows][];
        for (int r = 0; r < rows; r++) {
            int from = (index * rows + r) * cols;
            out[r] = Arrays.copyOfRange(all, from, from + cols);
        }
        return out;
    }

    /** Rows concatenated into one array. */
    static float[] concat(float[][] rows) {
        int n = Arrays.stream(rows).mapToInt(r -> r.length).sum();
        float[] out = new float[n];
        int at = 0;
        for (float[] r : rows) {
            System.arraycopy(r, 0, out, at, r.length);
            at += r.length;
        }
        return out;
    }

    /** Row-major flattening, widened for the tolerance asserts. */
    static double[] flat(float[][] rows) {
        return Arrays.stream(rows).flatMapToDouble(r -> Arrays.stream(GoldenFiles.toDouble(r))).toArray();
    }
}
