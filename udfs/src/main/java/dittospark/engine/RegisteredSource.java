package dittospark.engine;

import dittospark.image.Affine;
import dittospark.image.Image;
import dittospark.motion.MotionInfo;
import dittospark.video.SourceKind;

import java.util.List;

/**
 * A source after registration. Every frame has its crop-to-frame transform (for put back); the first
 * {@code motionFrames()} frames also have their 512 crop, motion (smoothed over frames for a video)
 * and eye state, which drive the motion and the appearance. {@code firstFrame} is frame 0's motion as
 * extracted, before any smoothing: the reference takes the conditions' source keypoints ({@code sc})
 * from it, and another avatar's statistics ({@code ch_info}) are its registration's, unsmoothed.
 */
record RegisteredSource(SourceKind kind, List<Image> frames, List<Affine> c2o, List<Image> crops,
                        List<MotionInfo> motion, MotionInfo firstFrame, float[][] eyeOpen, float[][] eyeBall) {

    int motionFrames() {
        return crops.size();
    }

    int width() {
        return frames.get(0).width();
    }

    int height() {
        return frames.get(0).height();
    }
}
