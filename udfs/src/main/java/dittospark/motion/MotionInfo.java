package dittospark.motion;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * One frame's motion parameters (the reference's {@code x_info} dict): scale [1], pitch/yaw/roll
 * [66] bin logits (or [1] degrees), t [3], exp [63] and, when kept, the canonical keypoints kp [63].
 * Immutable: arrays are copied in and out.
 */
public final class MotionInfo {
    private final EnumMap<MotionKey, float[]> values;

    private MotionInfo(EnumMap<MotionKey, float[]> values) {
        this.values = values;
    }

    /** Every key but {@link MotionKey#KP} is required; values are copied. */
    public static MotionInfo of(Map<MotionKey, float[]> values) {
        EnumMap<MotionKey, float[]> copy = new EnumMap<>(MotionKey.class);
        values.forEach((k, v) -> copy.put(k, checked(k, v).clone()));
        for (MotionKey key : MotionKey.values()) {
            if (key != MotionKey.KP && !copy.containsKey(key)) {
                throw new IllegalArgumentException("motion info lacks '" + key.id() + "'");
            }
        }
        return new MotionInfo(copy);
    }

    /** The motion extractor's outputs; {@code kp} may be null. */
    public static MotionInfo of(float scale, float[] pitch, float[] yaw, float[] roll, float[] t, float[] exp, float[] kp) {
        EnumMap<MotionKey, float[]> map = new EnumMap<>(MotionKey.class);
        map.put(MotionKey.SCALE, new float[] {scale});
        map.put(MotionKey.PITCH, pitch);
        map.put(MotionKey.YAW, yaw);
        map.put(MotionKey.ROLL, roll);
        map.put(MotionKey.T, t);
        map.put(MotionKey.EXP, exp);
        if (kp != null) {
            map.put(MotionKey.KP, kp);
        }
        return of(map);
    }

    public boolean has(MotionKey key) {
        return values.containsKey(key);
    }

    public Set<MotionKey> keys() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /** A copy of the entry's values. */
    public float[] get(MotionKey key) {
        return view(key).clone();
    }

    public float scale() {
        return view(MotionKey.SCALE)[0];
    }

    /** This info with one entry replaced (or added); the values are copied. */
    public MotionInfo with(MotionKey key, float[] value) {
        EnumMap<MotionKey, float[]> copy = new EnumMap<>(values);
        copy.put(key, checked(key, value).clone());
        return new MotionInfo(copy);
    }

    /** The entry without a copy: callers in this package never write to it. */
    float[] view(MotionKey key) {
        float[] v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("motion info lacks '" + key.id() + "'");
        }
        return v;
    }

    /** Takes ownership of arrays the caller built and never touches again. */
    static MotionInfo owning(EnumMap<MotionKey, float[]> values) {
        values.forEach(MotionInfo::checked);
        return new MotionInfo(values);
    }

    private static float[] checked(MotionKey key, float[] value) {
        boolean ok = value != null && (value.length == key.size() || key.isPose() && value.length == 1);
        if (!ok) {
            throw new IllegalArgumentException("'" + key.id() + "' needs " + key.size() + " values"
                    + (key.isPose() ? " (or 1 in degrees)" : "") + ", got " + (value == null ? "null" : value.length));
        }
        return value;
    }
}
