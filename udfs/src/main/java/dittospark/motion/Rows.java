package dittospark.motion;

/** Conversions between row arrays and the flat row-major arrays the models exchange. */
final class Rows {
    private Rows() {
    }

    static float[] flatten(float[][] rows) {
        int width = rows.length == 0 ? 0 : rows[0].length;
        float[] flat = new float[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != width) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, expected " + width);
            }
            System.arraycopy(rows[r], 0, flat, r * width, width);
        }
        return flat;
    }

    static float[][] unflatten(float[] flat, int width) {
        float[][] rows = new float[flat.length / width][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = java.util.Arrays.copyOfRange(flat, r * width, (r + 1) * width);
        }
        return rows;
    }
}
