package dittospark.face;

import dittospark.errors.RenderException;
import dittospark.image.Image;

import java.util.Optional;

/**
 * The mediapipe front end: BlazeFace finds the face on the first frame, Face Mesh gives its 478
 * points, and each later frame's mesh is taken in the region the previous frame's points span.
 * Only BlazeFace and Face Mesh run (both Apache-2.0).
 */
public final class MediaPipeTracking implements FaceTracking {
    private final MediaPipeModels models;
    /** Null unless the model set asks for the cascade to locate faces in place of its detector. */
    private final HaarFaceLocator cascade;

    public MediaPipeTracking(MediaPipeModels models, HaarFaceLocator cascade) {
        this.models = models;
        this.cascade = cascade;
    }

    /** The cascade's box where the model set asks for it, else the upright extent of BlazeFace's region. */
    @Override
    public Optional<FaceBox> locate(Image frame) throws RenderException {
        if (cascade != null) {
            return cascade.largestFace(frame);
        }
        return BlazeFaceSearch.largestFace(frame, models).map(r -> new FaceBox(
                (float) (r.centerX() - r.width() / 2), (float) (r.centerY() - r.height() / 2),
                (float) (r.centerX() + r.width() / 2), (float) (r.centerY() + r.height() / 2)));
    }

    @Override
    public float[] first(Image frame) throws RenderException {
        Optional<FaceRoi> roi = cascade != null
                ? cascade.largestFace(frame).map(FaceRoi::fromBox)
                : BlazeFaceSearch.largestFace(frame, models);
        return mesh(frame, roi.orElseThrow(() -> FaceTracking.noFace(frame)));
    }

    @Override
    public float[] next(Image frame, float[] previous) throws RenderException {
        return mesh(frame, FaceRoi.fromLandmarks(previous));
    }

    /** The 478 points' (x, y) in frame pixels, float32. */
    private float[] mesh(Image frame, FaceRoi roi) throws RenderException {
        double[] xyz = FaceMeshCodec.projectLandmarks(models.faceMesh(FaceMeshCodec.preprocess(frame, roi)), roi);
        float[] xy = new float[2 * FaceMeshCodec.NUM_LANDMARKS];
        for (int i = 0; i < FaceMeshCodec.NUM_LANDMARKS; i++) {
            xy[2 * i] = (float) xyz[3 * i];
            xy[2 * i + 1] = (float) xyz[3 * i + 1];
        }
        return xy;
    }
}
