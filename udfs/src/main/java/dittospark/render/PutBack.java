package dittospark.render;

import dittospark.image.Affine;
import dittospark.image.FloatImage;
import dittospark.image.Image;
import dittospark.image.ImageOps;

/**
 * Pastes a rendered 512x512 face into its source frame: mask and render warped into the frame by
 * M_c2o (bilinear, black border), mask clipped to [0, 1], {@code m*render + (1-m)*frame} in float32,
 * clipped and truncated to 8 bits. Keeps the warped mask of the last transform and frame size, since
 * an image source reuses one transform for every frame. Not thread-safe: one instance per stream.
 */
public final class PutBack {
    private final FloatImage mask;
    private Affine warpedFor;
    private int warpedWidth;
    private int warpedHeight;
    private float[] warpedMask;

    /** {@code mask}: one channel, the size of the renders (see {@link FaceMask}). */
    public PutBack(FloatImage mask) {
        if (mask.channels() != 1) {
            throw new IllegalArgumentException("a blend mask has one channel, got " + mask.channels());
        }
        this.mask = mask;
    }

    /** {@code render}: RGB 0..255, the mask's size; {@code c2o}: crop-to-frame transform. */
    public Image apply(Image frame, FloatImage render, Affine c2o) {
        if (render.channels() != 3 || render.width() != mask.width() || render.height() != mask.height()) {
            throw new IllegalArgumentException("render must be " + mask.width() + "x" + mask.height() + "x3, got "
                    + render.width() + "x" + render.height() + "x" + render.channels());
        }
        int w = frame.width();
        int h = frame.height();
        float[] m = warpedMask(c2o, w, h);
        float[] r = ImageOps.warpAffine(render, c2o, w, h).data();
        byte[] f = frame.rgb();
        byte[] out = new byte[f.length];
        for (int p = 0, i = 0; p < m.length; p++) {
            float a = m[p];
            float b = 1f - a;
            for (int c = 0; c < 3; c++, i++) {
                float v = a * r[i] + b * (f[i] & 0xFF);
                out[i] = (byte) (v <= 0f ? 0 : v >= 255f ? 255 : (int) v);
            }
        }
        return new Image(w, h, out);
    }

    private float[] warpedMask(Affine c2o, int w, int h) {
        if (!c2o.equals(warpedFor) || w != warpedWidth || h != warpedHeight) {
            float[] m = ImageOps.warpAffine(mask, c2o, w, h).data();
            for (int i = 0; i < m.length; i++) {
                m[i] = Math.min(1f, Math.max(0f, m[i]));
            }
            warpedMask = m;
            warpedFor = c2o;
            warpedWidth = w;
            warpedHeight = h;
        }
        return warpedMask;
    }
}
