package dittospark.face;

import dittospark.image.Image;

/** Model input planes (NCHW, batch 1) from an RGB picture. */
final class Planes {
    private Planes() {
    }

    /** Channel planes R,G,B (or B,G,R when {@code bgr}), each pixel value divided by {@code divisor} in float32. */
    static float[] of(Image image, boolean bgr, float divisor) {
        int plane = image.width() * image.height();
        float[] out = new float[3 * plane];
        byte[] px = image.rgb();
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                int dst = bgr ? 2 - c : c;
                out[dst * plane + i] = (px[3 * i + c] & 0xFF) / divisor;
            }
        }
        return out;
    }
}
