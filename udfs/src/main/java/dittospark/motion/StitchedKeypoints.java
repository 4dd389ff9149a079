package dittospark.motion;

/** One output frame's keypoints for the warp network, each [21x3] row-major. */
public record StitchedKeypoints(float[] source, float[] driving) {
}
