package dittospark.golden;

import dittospark.motion.MotionSettings;

/**
 * Recovers the first clip's LMDM output from {@code audio2motion.json}'s preds[0], which holds that clip
 * as the reference's sequence had it after clip 2 (see {@link Audio2MotionCheck}). Works in float64; the
 * moving mean's matrix is singular, so the solve takes any preimage (free variables at zero pivots):
 * smoothing it again gives back the stored rows to float32 rounding.
 */
final class FirstClipRecovery {
    private static final int SMOOTHED_COLUMNS = 202;
    private static final double ZERO_PIVOT = 1e-9;

    private FirstClipRecovery() {
    }

    /** @param fuse rows the reference cross-faded: the overlap offline, at most the new frames online */
    static float[][] firstPrediction(float[][][] preds, MotionSettings s, int fuse) {
        float[][] stored = preds[0];
        int seq = stored.length;
        double[][] rows = new double[seq][];
        for (int r = 0; r < seq; r++) {
            rows[r] = new double[stored[r].length];
            for (int j = 0; j < rows[r].length; j++) {
                rows[r][j] = stored[r][j];
            }
        }
        if (preds.length > 1) {
            unfade(rows, preds[1], s.overlap(), fuse);
        }
        if (s.smoothKernel() > 1) {
            unsmooth(rows, s.smoothKernel());
        }
        float[][] out = new float[seq][];
        for (int r = 0; r < seq; r++) {
            out[r] = new float[rows[r].length];
            for (int j = 0; j < out[r].length; j++) {
                out[r][j] = (float) rows[r][j];
            }
        }
        return out;
    }

    /** Inverts old*(1-a) + next*a over the last fuse rows. */
    private static void unfade(double[][] rows, float[][] next, int overlap, int fuse) {
        int seq = rows.length;
        int valid = seq - overlap;
        for (int i = 0; i < fuse; i++) {
            double a = (double) i / fuse;
            double[] row = rows[seq - fuse + i];
            float[] n = next[seq - valid - fuse + i];
            for (int j = 0; j < row.length; j++) {
                row[j] = (row[j] - n[j] * a) / (1 - a);
            }
        }
    }

    /** Solves (moving mean) x = y for the smoothed columns, by elimination with partial pivoting. */
    private static void unsmooth(double[][] rows, int k) {
        int n = rows.length;
        int half = k / 2;
        double[][] a = new double[n][n + SMOOTHED_COLUMNS];
        for (int i = 0; i < n; i++) {
            int lo = Math.max(0, i - half);
            int hi = Math.min(n, i + half + 1);
            for (int c = lo; c < hi; c++) {
                a[i][c] = 1.0 / (hi - lo);
            }
            System.arraycopy(rows[i], 0, a[i], n, SMOOTHED_COLUMNS);
        }
        int[] pivotRow = new int[n];
        int row = 0;
        for (int col = 0; col < n; col++) {
            int best = row;
            for (int r = row + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[best][col])) {
                    best = r;
                }
            }
            if (row >= n || Math.abs(a[best][col]) < ZERO_PIVOT) {
                pivotRow[col] = -1;
                continue;
            }
            double[] t = a[row];
            a[row] = a[best];
            a[best] = t;
            for (int r = 0; r < n; r++) {
                if (r != row && a[r][col] != 0) {
                    double f = a[r][col] / a[row][col];
                    for (int c = col; c < a[r].length; c++) {
                        a[r][c] -= f * a[row][c];
                    }
                }
            }
            pivotRow[col] = row++;
        }
        for (int col = 0; col < n; col++) {
            for (int j = 0; j < SMOOTHED_COLUMNS; j++) {
                rows[col][j] = pivotRow[col] < 0 ? 0 : a[pivotRow[col]][n + j] / a[pivotRow[col]][col];
            }
        }
    }
}
