package dittospark.motion;

/**
 * Which parts follow the audio features in a condition row (the model config's {@code use_*} flags),
 * and whether a video source's eye state comes from its first frame only ({@code eye_f0_mode}).
 */
public record ConditionParts(boolean emotion, boolean eyeOpen, boolean eyeBall, boolean sourceKeypoints,
                             boolean eyeFromFirstFrame) {
    public static final int EYE_OPEN_DIM = 2;
    public static final int EYE_BALL_DIM = 6;
    public static final int KEYPOINTS_DIM = 63;

    /** Width of a condition row for the given audio feature width. */
    public int width(int audioDim) {
        return audioDim + (emotion ? Emotion.LABELS : 0) + (eyeOpen ? EYE_OPEN_DIM : 0)
                + (eyeBall ? EYE_BALL_DIM : 0) + (sourceKeypoints ? KEYPOINTS_DIM : 0);
    }
}
