package dittospark.motion;

/** The stitching network: adjusts driving keypoints [21x3] to the source keypoints [21x3]. */
@FunctionalInterface
public interface Stitcher {
    /** Returns the adjusted driving keypoints (63 values); must not modify its arguments. */
    float[] stitch(float[] kpSource, float[] kpDriving);
}
