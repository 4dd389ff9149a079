package dittospark.motion;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Set;

/**
 * Smooths a video source's per-frame motion: every entry becomes the mean over a centred window of
 * {@code k} frames, truncated at both ends (the reference's {@code smo_k_s}, default 13).
 */
public final class SourceSmoothing {
    /** The reference's window. */
    public static final int DEFAULT_WINDOW = 13;

    private SourceSmoothing() {
    }

    /** All frames must hold the same keys with the same lengths; the result has one info per frame. */
    public static List<MotionInfo> smooth(List<MotionInfo> frames, int k) {
        int n = frames.size();
        int half = k / 2;
        Set<MotionKey> keys = frames.get(0).keys();
        List<MotionInfo> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int from = Math.max(0, i - half);
            int to = Math.min(n, i + half + 1);
            EnumMap<MotionKey, float[]> mean = new EnumMap<>(MotionKey.class);
            for (MotionKey key : keys) {
                mean.put(key, mean(frames, key, from, to));
            }
            out.add(MotionInfo.owning(mean));
        }
        return out;
    }

    /** Float32 running sum over the frames in order, then one division, as NumPy's mean over axis 0. */
    private static float[] mean(List<MotionInfo> frames, MotionKey key, int from, int to) {
        float[] sum = frames.get(from).get(key);
        for (int f = from + 1; f < to; f++) {
            float[] v = frames.get(f).view(key);
            if (v.length != sum.length) {
                throw new IllegalArgumentException("frame " + f + ": '" + key.id() + "' has " + v.length
                        + " values, frame " + from + " has " + sum.length);
            }
            for (int j = 0; j < v.length; j++) {
                sum[j] += v[j];
            }
        }
        float count = to - from;
        for (int j = 0; j < sum.length; j++) {
            sum[j] /= count;
        }
        return sum;
    }
}
