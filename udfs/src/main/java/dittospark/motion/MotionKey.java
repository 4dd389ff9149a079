package dittospark.motion;

/**
 * The entries of a motion info dict, in the order the 265(+63)-d motion vector lays them out.
 * Pose entries hold 66 bin logits as the extractor emits them, or one angle in degrees once a
 * per-frame control has converted them.
 */
public enum MotionKey {
    SCALE("scale", 1),
    PITCH("pitch", PoseMath.BINS),
    YAW("yaw", PoseMath.BINS),
    ROLL("roll", PoseMath.BINS),
    T("t", 3),
    EXP("exp", 63),
    KP("kp", 63);

    private final String id;
    private final int size;

    MotionKey(String id, int size) {
        this.id = id;
        this.size = size;
    }

    /** The reference's dict key. */
    public String id() {
        return id;
    }

    /** Values the extractor emits for this entry. */
    public int size() {
        return size;
    }

    public boolean isPose() {
        return this == PITCH || this == YAW || this == ROLL;
    }

    public static MotionKey of(String id) {
        for (MotionKey key : values()) {
            if (key.id.equals(id)) {
                return key;
            }
        }
        throw new IllegalArgumentException("unknown motion key '" + id + "'");
    }

    /** A JSON list of key ids, e.g. {@code ["exp", "yaw"]}. */
    public static java.util.Set<MotionKey> setOf(com.fasterxml.jackson.databind.JsonNode ids) {
        java.util.Set<MotionKey> keys = java.util.EnumSet.noneOf(MotionKey.class);
        ids.forEach(id -> keys.add(of(id.asText())));
        return keys;
    }
}
