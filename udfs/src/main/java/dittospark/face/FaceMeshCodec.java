package dittospark.face;

import dittospark.image.Image;
import dittospark.image.RoiWarp;

/**
 * Input and output conversion for the Face Mesh landmark model ({@code face_mesh.onnx}): the warped
 * ROI as input tensor, and its 478 3-D points mapped back into the image the ROI lies in.
 */
public final class FaceMeshCodec {
    public static final int INPUT_SIZE = 256;
    public static final int NUM_LANDMARKS = 478;

    private FaceMeshCodec() {
    }

    /** The model input [1,256,256,3]: the ROI warped upright to 256x256 (bilinear), rgb/255. */
    public static float[] preprocess(Image image, FaceRoi roi) {
        byte[] rgb = RoiWarp.warpQuad(image, roi.corners(), INPUT_SIZE, INPUT_SIZE).rgb();
        float[] input = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            input[i] = (float) ((rgb[i] & 0xFF) / 255.0);
        }
        return input;
    }

    /**
     * The model's points (x, y, z per landmark, in 256-input pixels) in pixels of the image the ROI was
     * taken from; z is scaled like x.
     *
     * @param mesh the first output ({@code Identity}), 478 x 3 values
     */
    public static double[] projectLandmarks(float[] mesh, FaceRoi roi) {
        if (mesh.length != NUM_LANDMARKS * 3) {
            throw new IllegalArgumentException("expected " + NUM_LANDMARKS * 3 + " mesh values, got " + mesh.length);
        }
        double cos = Math.cos(roi.rotation());
        double sin = Math.sin(roi.rotation());
        double[] out = new double[mesh.length];
        for (int i = 0; i < mesh.length; i += 3) {
            double x = mesh[i] / (double) INPUT_SIZE - 0.5;
            double y = mesh[i + 1] / (double) INPUT_SIZE - 0.5;
            double z = mesh[i + 2] / (double) INPUT_SIZE;
            out[i] = (x * cos - y * sin) * roi.width() + roi.centerX();
            out[i + 1] = (x * sin + y * cos) * roi.height() + roi.centerY();
            out[i + 2] = z * roi.width();
        }
        return out;
    }

    /**
     * The 478 landmarks as the eye measures use them: projected into the image, then divided by
     * (width, height, width) of that image, in float32.
     */
    public static float[] landmarks(float[] mesh, FaceRoi roi, int imageWidth, int imageHeight) {
        double[] projected = projectLandmarks(mesh, roi);
        float[] out = new float[projected.length];
        for (int i = 0; i < projected.length; i += 3) {
            out[i] = (float) (projected[i] / imageWidth);
            out[i + 1] = (float) (projected[i + 1] / imageHeight);
            out[i + 2] = (float) (projected[i + 2] / imageWidth);
        }
        return out;
    }
}
