package dittospark.motion;

/**
 * Head pose arithmetic of the renderer, in float32 like the reference: pose bins to degrees, the
 * rotation matrix, and the keypoint transform {@code s * (kp R + exp) + t}.
 */
public final class PoseMath {
    /** Pose logits per angle. */
    public static final int BINS = 66;
    /** Implicit keypoints per face. */
    public static final int KEYPOINTS = 21;

    private PoseMath() {
    }

    /**
     * The angle in degrees: for 66 bins the softmax expectation {@code sum(p_i * i) * 3 - 97.5};
     * an entry already in degrees (one value) is returned as it is.
     */
    public static float degrees(float[] pose) {
        if (pose.length == 1) {
            return pose[0];
        }
        if (pose.length != BINS) {
            throw new IllegalArgumentException("pose needs " + BINS + " bins or 1 angle, got " + pose.length);
        }
        float max = Float.NEGATIVE_INFINITY;
        for (float v : pose) {
            max = Math.max(max, v);
        }
        float[] e = new float[BINS];
        for (int i = 0; i < BINS; i++) {
            e[i] = FloatOps.exp(pose[i] - max);
        }
        float sum = FloatOps.sum(e);
        float[] weighted = new float[BINS];
        for (int i = 0; i < BINS; i++) {
            weighted[i] = e[i] / sum * i;
        }
        return FloatOps.sum(weighted) * 3f - 97.5f;
    }

    /**
     * The transposed rotation {@code (Rz(roll) Ry(yaw) Rx(pitch))^T}, row-major 3x3, angles in degrees:
     * the reference multiplies row-vector keypoints by it, {@code kp R}.
     */
    public static float[] rotation(float pitchDeg, float yawDeg, float rollDeg) {
        float x = radians(pitchDeg);
        float y = radians(yawDeg);
        float z = radians(rollDeg);
        float cx = (float) Math.cos(x);
        float sx = (float) Math.sin(x);
        float cy = (float) Math.cos(y);
        float sy = (float) Math.sin(y);
        float cz = (float) Math.cos(z);
        float sz = (float) Math.sin(z);
        float[] rotX = {1, 0, 0, 0, cx, -sx, 0, sx, cx};
        float[] rotY = {cy, 0, sy, 0, 1, 0, -sy, 0, cy};
        float[] rotZ = {cz, -sz, 0, sz, cz, 0, 0, 0, 1};
        float[] rot = multiply(multiply(rotZ, rotY), rotX);
        float[] transposed = new float[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                transposed[c * 3 + r] = rot[r * 3 + c];
            }
        }
        return transposed;
    }

    /** The posed keypoints [21x3] row-major: {@code scale * (kp R + exp)}, then x and y shifted by t. */
    public static float[] transformKeypoints(MotionInfo info) {
        float[] kp = info.view(MotionKey.KP);
        float[] exp = info.view(MotionKey.EXP);
        float[] t = info.view(MotionKey.T);
        float scale = info.scale();
        float[] rot = rotation(degrees(info.view(MotionKey.PITCH)), degrees(info.view(MotionKey.YAW)),
                degrees(info.view(MotionKey.ROLL)));
        float[] out = new float[KEYPOINTS * 3];
        for (int k = 0; k < KEYPOINTS; k++) {
            for (int j = 0; j < 3; j++) {
                int i = k * 3 + j;
                float rotated = kp[k * 3] * rot[j] + kp[k * 3 + 1] * rot[3 + j] + kp[k * 3 + 2] * rot[6 + j];
                out[i] = (rotated + exp[i]) * scale;
                if (j < 2) {
                    out[i] += t[j];
                }
            }
        }
        return out;
    }

    private static float radians(float degrees) {
        return degrees / 180f * (float) Math.PI;
    }

    private static float[] multiply(float[] a, float[] b) {
        float[] out = new float[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                out[r * 3 + c] = a[r * 3] * b[c] + a[r * 3 + 1] * b[3 + c] + a[r * 3 + 2] * b[6 + c];
            }
        }
        return out;
    }
}
