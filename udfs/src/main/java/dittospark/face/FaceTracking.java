package dittospark.face;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.image.Image;

import java.util.Optional;

/**
 * A face front end: finds the face's landmarks on a source's first frame and follows them from
 * frame to frame. The landmarks are interleaved (x, y) in frame pixels, in a layout
 * {@link CropMath} reads its anchors from.
 */
public interface FaceTracking {
    /** The face this front end starts from on a first frame, in frame pixels; empty when it finds none. */
    Optional<FaceBox> locate(Image frame) throws RenderException;

    float[] first(Image frame) throws RenderException;

    /** The landmarks on {@code frame}, found around {@code previous}, the landmarks on the frame before. */
    float[] next(Image frame, float[] previous) throws RenderException;

    /** The failure of a source whose first frame shows no face. */
    static RenderException noFace(Image frame) {
        return new RenderException(ErrorKind.NO_FACE, "no face found in the source (" + frame.width() + "x"
                + frame.height() + "); use a picture or video with one clearly visible, roughly frontal face");
    }
}
