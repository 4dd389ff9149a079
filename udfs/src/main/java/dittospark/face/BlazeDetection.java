package dittospark.face;

/**
 * One face found by BlazeFace: box corners in pixels of the 128x128 detector input, six keypoints
 * (right eye, left eye, nose, mouth, right ear, left ear, as seen by the subject) normalised to 0..1,
 * and the face score.
 *
 * @param keypoints x0, y0, x1, y1, ... x5, y5 (12 values)
 */
public record BlazeDetection(double xMin, double yMin, double xMax, double yMax, double[] keypoints, double score) {
    public static final int KEYPOINTS = 6;

    public BlazeDetection {
        if (keypoints.length != 2 * KEYPOINTS) {
            throw new IllegalArgumentException("expected " + 2 * KEYPOINTS + " keypoint values, got " + keypoints.length);
        }
        keypoints = keypoints.clone();
    }

    @Override
    public double[] keypoints() {
        return keypoints.clone();
    }

    public double keypointX(int k) {
        return keypoints[2 * k];
    }

    public double keypointY(int k) {
        return keypoints[2 * k + 1];
    }
}
