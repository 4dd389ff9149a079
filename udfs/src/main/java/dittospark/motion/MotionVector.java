package dittospark.motion;

import java.util.EnumMap;

/**
 * The flat motion vector the diffusion model works in:
 * {@code [scale-1 (1) | pitch (66) | yaw (66) | roll (66) | t (3) | exp (63)]}, with kp (63) appended
 * when kept.
 */
public final class MotionVector {
    /** Length without kp. */
    public static final int SIZE = 265;
    /** Length with kp appended. */
    public static final int SIZE_WITH_KP = SIZE + MotionKey.KP.size();

    private MotionVector() {
    }

    /** Pose entries must be in bins. */
    public static float[] toVector(MotionInfo info, boolean withKp) {
        float[] out = new float[withKp ? SIZE_WITH_KP : SIZE];
        int at = 0;
        for (MotionKey key : MotionKey.values()) {
            if (key == MotionKey.KP && !withKp) {
                break;
            }
            float[] v = info.view(key);
            if (v.length != key.size()) {
                throw new IllegalArgumentException("'" + key.id() + "' is in degrees; the motion vector holds bins");
            }
            System.arraycopy(v, 0, out, at, v.length);
            at += v.length;
        }
        out[0] -= 1f;
        return out;
    }

    /** A {@value #SIZE}- or {@value #SIZE_WITH_KP}-value vector back to motion info (kp only from the latter). */
    public static MotionInfo fromVector(float[] vector) {
        if (vector.length != SIZE && vector.length != SIZE_WITH_KP) {
            throw new IllegalArgumentException("motion vector needs " + SIZE + " or " + SIZE_WITH_KP
                    + " values, got " + vector.length);
        }
        EnumMap<MotionKey, float[]> map = new EnumMap<>(MotionKey.class);
        int at = 0;
        for (MotionKey key : MotionKey.values()) {
            if (at == vector.length) {
                break;
            }
            float[] v = new float[key.size()];
            System.arraycopy(vector, at, v, 0, v.length);
            at += v.length;
            map.put(key, v);
        }
        map.get(MotionKey.SCALE)[0] += 1f;
        return MotionInfo.owning(map);
    }
}
