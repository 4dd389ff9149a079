package dittospark.motion;

/** What a fade blends the driven motion towards (the reference's {@code fade_type}). */
public enum FadeType {
    /** No fading: {@code fade_alpha} is ignored. */
    NONE(""),
    /** The first driving frame, after its per-frame control. */
    D0("d0"),
    /** The source's own motion. */
    S("s");

    private final String id;

    FadeType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static FadeType of(String id) {
        for (FadeType type : values()) {
            if (type.id.equals(id)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown fade type '" + id + "'");
    }
}
