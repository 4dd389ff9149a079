package dittospark.engine;

import dittospark.image.Affine;
import dittospark.motion.MotionInfo;
import dittospark.video.SourceKind;

import java.util.List;

/**
 * A source after registration, with its frames to read again. Every frame has its crop-to-frame
 * transform (for put back) and the frame-to-crop one that makes its 512 crop again; the first
 * {@code motionFrames()} frames also have their motion (smoothed over frames for a video) and eye
 * state, which drive the motion and the appearance. {@code firstFrame} is frame 0's motion as
 * extracted, before any smoothing: the reference takes the conditions' source keypoints ({@code sc})
 * from it, and another avatar's statistics ({@code ch_info}) are its registration's, unsmoothed.
 */
record RegisteredSource(SourceKind kind, SourceFrames frames, List<Affine> c2o, List<Affine> o2c,
                        List<MotionInfo> motion, MotionInfo firstFrame, float[][] eyeOpen, float[][] eyeBall)
        implements AutoCloseable {

    int frameCount() {
        return c2o.size();
    }

    int motionFrames() {
        return motion.size();
    }

    int width() {
        return frames.width();
    }

    int height() {
        return frames.height();
    }

    @Override
    public void close() {
        frames.close();
    }
}
