package dittospark.face;

/**
 * The eye conditions of one face from its 478 Face Mesh landmarks: how open each eye is and where
 * each iris sits relative to the eye corners. Computed in float32 like the reference.
 *
 * @param eyeOpen [left, right]: sum of three lid heights over the corner-to-corner width
 * @param eyeBall iris displacement, interleaved [Lx, Rx, Ly, Ry, Lz, Rz]
 */
public record EyeAttributes(float[] eyeOpen, float[] eyeBall) {
    private static final float EPS = 1e-8f;

    /** Outer corner, inner corner, three (lower, upper) lid pairs, iris centre. */
    private record Eye(int outer, int inner, int[] lids, int iris) {
    }

    private static final Eye LEFT = new Eye(33, 133, new int[] {145, 159, 144, 160, 153, 158}, 468);
    private static final Eye RIGHT = new Eye(263, 362, new int[] {374, 386, 373, 387, 380, 385}, 473);

    public EyeAttributes {
        eyeOpen = eyeOpen.clone();
        eyeBall = eyeBall.clone();
    }

    @Override
    public float[] eyeOpen() {
        return eyeOpen.clone();
    }

    @Override
    public float[] eyeBall() {
        return eyeBall.clone();
    }

    /** @param landmarks 478 x 3 values (x, y, z per landmark), as {@link FaceMeshCodec#landmarks} gives */
    public static EyeAttributes fromLandmarks(float[] landmarks) {
        if (landmarks.length != FaceMeshCodec.NUM_LANDMARKS * 3) {
            throw new IllegalArgumentException("expected " + FaceMeshCodec.NUM_LANDMARKS * 3 + " landmark values, got "
                    + landmarks.length);
        }
        float[] leftMove = ballMove(landmarks, LEFT);
        float[] rightMove = ballMove(landmarks, RIGHT);
        float[] ball = new float[6];
        for (int axis = 0; axis < 3; axis++) {
            ball[2 * axis] = leftMove[axis];
            ball[2 * axis + 1] = rightMove[axis];
        }
        return new EyeAttributes(new float[] {openness(landmarks, LEFT), openness(landmarks, RIGHT)}, ball);
    }

    private static float openness(float[] lmk, Eye eye) {
        float heights = 0f;
        for (int i = 0; i < eye.lids.length; i += 2) {
            heights += distance(point(lmk, eye.lids[i]), point(lmk, eye.lids[i + 1]));
        }
        return heights / (distance(point(lmk, eye.outer), point(lmk, eye.inner)) + EPS);
    }

    /** (direction centre->iris minus direction inner->outer corner) times the iris' distance from the centre. */
    private static float[] ballMove(float[] lmk, Eye eye) {
        float[] outer = point(lmk, eye.outer);
        float[] inner = point(lmk, eye.inner);
        float[] iris = point(lmk, eye.iris);
        float[] centre = new float[3];
        for (int a = 0; a < 3; a++) {
            centre[a] = (outer[a] + inner[a]) * 0.5f;
        }
        float[] eyeDirection = direction(outer, inner);
        float[] irisDirection = direction(iris, centre);
        float dist = distance(iris, centre);
        float[] move = new float[3];
        for (int a = 0; a < 3; a++) {
            move[a] = (irisDirection[a] - eyeDirection[a]) * dist;
        }
        return move;
    }

    /** Unit vector from {@code to} towards {@code from}, with 1e-8 added to the norm. */
    private static float[] direction(float[] from, float[] to) {
        float norm = distance(from, to) + EPS;
        float[] d = new float[3];
        for (int a = 0; a < 3; a++) {
            d[a] = (from[a] - to[a]) / norm;
        }
        return d;
    }

    private static float distance(float[] p, float[] q) {
        float sum = 0f;
        for (int a = 0; a < 3; a++) {
            float d = p[a] - q[a];
            sum += d * d;
        }
        return (float) Math.sqrt(sum);
    }

    private static float[] point(float[] lmk, int index) {
        return new float[] {lmk[3 * index], lmk[3 * index + 1], lmk[3 * index + 2]};
    }
}
