package dittospark.motion;

/**
 * Builds the LMDM's per-frame conditions [audio | emo 8 | eye_open 2 | eye_ball 6 | sc 63] from the
 * audio features and the source's attributes. Eye state of a video source follows the output frame's
 * source frame (forward, backward, forward ...); a single-frame source repeats its one value.
 */
public final class ConditionBuilder {
    private final ConditionParts parts;
    private final Emotion emotion;
    private final float[][] eyeOpen;
    private final float[][] eyeBall;
    private final float[] sourceKeypoints;

    /**
     * Inputs of parts that are switched off may be null.
     *
     * @param eyeOpen         per source frame [n][2]
     * @param eyeBall         per source frame [n][6]
     * @param sourceKeypoints the source's kp of frame 0 ({@code sc}) [63]
     */
    public ConditionBuilder(ConditionParts parts, Emotion emotion, float[][] eyeOpen, float[][] eyeBall,
                            float[] sourceKeypoints) {
        this.parts = parts;
        this.emotion = parts.emotion() ? require(emotion, "emotion") : null;
        this.eyeOpen = parts.eyeOpen() ? rows(eyeOpen, ConditionParts.EYE_OPEN_DIM, "eye_open") : null;
        this.eyeBall = parts.eyeBall() ? rows(eyeBall, ConditionParts.EYE_BALL_DIM, "eye_ball") : null;
        this.sourceKeypoints = parts.sourceKeypoints()
                ? rows(new float[][] {require(sourceKeypoints, "sc")}, ConditionParts.KEYPOINTS_DIM, "sc")[0] : null;
    }

    /**
     * @param audio      audio features of consecutive frames [n][D]
     * @param firstFrame output frame number of audio[0]; negative for the zero-feature lead-in of streaming
     * @return conditions [n][parts.width(D)]
     */
    public float[][] build(float[][] audio, int firstFrame) {
        float[][] out = new float[audio.length][];
        for (int r = 0; r < audio.length; r++) {
            int frame = firstFrame + r;
            float[] row = new float[parts.width(audio[r].length)];
            int at = put(row, 0, audio[r]);
            if (emotion != null) {
                at = put(row, at, emotion.at(frame));
            }
            if (eyeOpen != null) {
                at = put(row, at, eyeOpen[sourceFrame(frame, eyeOpen.length)]);
            }
            if (eyeBall != null) {
                at = put(row, at, eyeBall[sourceFrame(frame, eyeBall.length)]);
            }
            if (sourceKeypoints != null) {
                put(row, at, sourceKeypoints);
            }
            out[r] = row;
        }
        return out;
    }

    private int sourceFrame(int frame, int sourceFrames) {
        return parts.eyeFromFirstFrame() ? 0 : Mirror.index(Math.max(frame, 0), sourceFrames);
    }


    private static int put(float[] row, int at, float[] part) {
        System.arraycopy(part, 0, row, at, part.length);
        return at + part.length;
    }

    private static <T> T require(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required when its condition part is on");
        }
        return value;
    }

    private static float[][] rows(float[][] rows, int width, String what) {
        require(rows, what);
        if (rows.length == 0) {
            throw new IllegalArgumentException(what + " needs at least one source frame");
        }
        float[][] copy = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != width) {
                throw new IllegalArgumentException(what + " rows have " + width + " values, got " + rows[i].length);
            }
            copy[i] = rows[i].clone();
        }
        return copy;
    }
}
