package dittospark.render;

import dittospark.image.FloatImage;

/** The decoder's output as a picture for put back. */
public final class RenderImage {
    private RenderImage() {
    }

    /** Decoder output [1,3,H,W] RGB (CHW planes) -> HWC, clipped to [0, 1], times 255, float32. */
    public static FloatImage fromDecoderOutput(float[] chw, int width, int height) {
        int plane = width * height;
        if (chw.length != 3 * plane) {
            throw new IllegalArgumentException("decoder output has " + chw.length + " values, need 3x" + width + "x"
                    + height);
        }
        float[] hwc = new float[3 * plane];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < plane; i++) {
                hwc[3 * i + c] = Math.min(1f, Math.max(0f, chw[c * plane + i])) * 255f;
            }
        }
        return new FloatImage(width, height, 3, hwc);
    }
}
