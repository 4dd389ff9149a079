package dittospark.motion;

/**
 * How clips are stitched into one motion sequence (the reference's Audio2Motion setup arguments).
 *
 * @param overlap        {@code overlap_v2}: frames each clip shares with the previous one, 0 .. seqFrames-1
 * @param smoothKernel   {@code smo_k_d}: width of the moving mean over the first 202 columns; <= 1 disables it
 * @param fixKpCond      {@code fix_kp_cond}: 0 continues every clip from the last motion; n > 0 resets to the
 *                       source motion after every n-th clip
 * @param fixKpCondDim   {@code fix_kp_cond_dim}: [from, to) columns that still continue across a reset, or null
 * @param valueRange     {@code v_min_max_for_clip}: rows 0 and 1 are per-column minimum and maximum, or null
 */
public record MotionSettings(int overlap, int smoothKernel, int fixKpCond, int[] fixKpCondDim,
                             float[][] valueRange) {
    public MotionSettings {
        if (overlap < 0) {
            throw new IllegalArgumentException("overlap must not be negative, got " + overlap);
        }
        if (fixKpCond < 0) {
            throw new IllegalArgumentException("fix_kp_cond must not be negative, got " + fixKpCond);
        }
        if (fixKpCondDim != null && (fixKpCondDim.length != 2 || fixKpCondDim[0] < 0 || fixKpCondDim[1] < fixKpCondDim[0])) {
            throw new IllegalArgumentException("fix_kp_cond_dim must be [from, to) with 0 <= from <= to");
        }
        if (valueRange != null && valueRange.length < 2) {
            throw new IllegalArgumentException("v_min_max_for_clip needs a minimum row and a maximum row");
        }
    }
}
