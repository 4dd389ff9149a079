package dittospark.face;

import dittospark.image.Affine;
import dittospark.image.Image;

/**
 * Input and output arithmetic of the 203-point landmark model ({@code landmark203.onnx}): a 224x224
 * landmark crop ({@code crop(lmk, 224, scale 1.5, vy -0.1, rotated)}), RGB/255 planes in; 203
 * normalised (x, y) pairs out, scaled to crop pixels and mapped back through M_c2o.
 */
public final class Landmark203Codec {
    public static final int INPUT_SIZE = 224;
    public static final int POINTS = 203;
    private static final double CROP_SCALE = 1.5;
    private static final double CROP_VY = -0.1;

    /** The model input [1,3,224,224] and the crop-to-picture transform for its output. */
    public record Input(float[] blob, Affine c2o) {
    }

    private Landmark203Codec() {
    }

    /** Crops around 106 or 203 previous landmarks (interleaved x, y). */
    public static Input preprocess(Image rgb, float[] landmarks) {
        CropMath.Crop crop = CropMath.crop(rgb, landmarks, INPUT_SIZE, CROP_SCALE, CROP_VY, true);
        return new Input(Planes.of(crop.image(), false, 255f), crop.c2o());
    }

    /** Interleaved (x, y) for the 203 points, in picture pixels (float32 as the reference). */
    public static float[] postprocess(float[] output, Affine c2o) {
        if (output.length != 2 * POINTS) {
            throw new IllegalArgumentException("landmark203 output has " + output.length + " values, need " + 2 * POINTS);
        }
        float[] crop = new float[output.length];
        for (int i = 0; i < crop.length; i++) {
            crop[i] = output[i] * INPUT_SIZE;
        }
        return c2o.transformPointsFloat32(crop);
    }
}
