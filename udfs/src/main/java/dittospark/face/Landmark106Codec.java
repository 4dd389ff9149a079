package dittospark.face;

import dittospark.image.Affine;
import dittospark.image.Image;
import dittospark.image.ImageOps;

/**
 * Input and output arithmetic of the 106-point landmark model ({@code landmark106.onnx}): a 192x192
 * similarity crop around a face box, raw 0..255 B,G,R planes in; the last 106 (x, y) pairs of the
 * output, in [-1, 1] crop units, mapped back to picture pixels.
 */
public final class Landmark106Codec {
    public static final int INPUT_SIZE = 192;
    public static final int POINTS = 106;
    private static final double BOX_SCALE = 1.5;

    /** The model input [1,3,192,192] and the picture-to-crop transform that made it. */
    public record Input(float[] blob, Affine toCrop) {
    }

    private Landmark106Codec() {
    }

    /** Picture-to-crop transform: scale 192 / (1.5 * max(w, h)) about the box centre, no rotation. */
    public static Affine cropTransform(FaceBox box) {
        float cx = (box.x1() + box.x2()) / 2f;
        float cy = (box.y1() + box.y2()) / 2f;
        double s = INPUT_SIZE / (Math.max(box.width(), box.height()) * BOX_SCALE);
        double half = INPUT_SIZE / 2.0;
        return Affine.of(s, 0, half - cx * s, 0, s, half - cy * s);
    }

    public static Input preprocess(Image rgb, FaceBox box) {
        Affine toCrop = cropTransform(box);
        Image crop = ImageOps.warpAffine(rgb, toCrop, INPUT_SIZE, INPUT_SIZE);
        return new Input(Planes.of(crop, true, 1f), toCrop);
    }

    /** Interleaved (x, y) for the 106 points, in picture pixels. */
    public static float[] postprocess(float[] output, Affine toCrop) {
        if (output.length < 2 * POINTS) {
            throw new IllegalArgumentException("landmark106 output has " + output.length + " values, need " + 2 * POINTS);
        }
        float half = INPUT_SIZE / 2;
        float[] crop = new float[2 * POINTS];
        int first = output.length - 2 * POINTS;
        for (int i = 0; i < crop.length; i++) {
            crop[i] = (output[first + i] + 1f) * half;
        }
        return toCrop.inverse().transformPoints(crop);
    }
}
