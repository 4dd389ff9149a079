package dittospark.render;

import dittospark.image.Affine;
import dittospark.image.FloatImage;
import dittospark.image.Image;
import dittospark.image.ImageOps;

/**
 * Pastes a rendered 512x512 face into its source frame: mask and render warped into the frame by
 * M_c2o (bilinear, black border), mask clipped to [0, 1], {@code m*render + (1-m)*frame} in float32,
 * clipped and truncated to 8 bits.
 *
 * <p>Only the band of rows the warped face can reach is warped and blended; elsewhere the mask is 0
 * and the frame stays as it is. Cutting whole rows (never columns) leaves OpenCV's fixed-point source
 * coordinates unchanged, so the band equals the same rows of a full-frame warp. The warped mask of
 * the last transform and frame size is kept, since an image source reuses one transform for every
 * frame. Not thread-safe: one instance per stream.
 */
public final class PutBack {
    /** Rows added above and below the face's extent, for the bilinear footprint. */
    private static final int BAND_MARGIN = 2;

    private final FloatImage mask;
    private Affine warpedFor;
    private int warpedWidth;
    private int warpedHeight;
    private Band band;
    private float[] warpedMask;

    private record Band(int y0, int y1) {
        int rows() {
            return y1 - y0;
        }
    }

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
        prepareMask(c2o, w, frame.height());
        byte[] f = frame.rgb();
        byte[] out = f.clone();
        if (band.rows() == 0) {
            return new Image(w, frame.height(), out);
        }
        float[] m = warpedMask;
        float[] r = ImageOps.warpAffine(render, inBand(c2o), w, band.rows()).data();
        int offset = band.y0() * w * 3;
        for (int p = 0, i = 0; p < m.length; p++) {
            float a = m[p];
            if (a == 0f) {
                i += 3;
                continue;
            }
            float b = 1f - a;
            for (int c = 0; c < 3; c++, i++) {
                float v = a * r[i] + b * (f[offset + i] & 0xFF);
                out[offset + i] = (byte) (v <= 0f ? 0 : v >= 255f ? 255 : (int) v);
            }
        }
        return new Image(w, frame.height(), out);
    }

    private void prepareMask(Affine c2o, int w, int h) {
        if (c2o.equals(warpedFor) && w == warpedWidth && h == warpedHeight) {
            return;
        }
        band = band(c2o, h);
        warpedMask = new float[0];
        if (band.rows() > 0) {
            float[] m = ImageOps.warpAffine(mask, inBand(c2o), w, band.rows()).data();
            for (int i = 0; i < m.length; i++) {
                m[i] = Math.min(1f, Math.max(0f, m[i]));
            }
            warpedMask = m;
        }
        warpedFor = c2o;
        warpedWidth = w;
        warpedHeight = h;
    }

    /** The frame rows the mapped crop square touches, widened by the margin and clamped to the frame. */
    private Band band(Affine c2o, int h) {
        double top = Double.POSITIVE_INFINITY;
        double bottom = Double.NEGATIVE_INFINITY;
        for (int corner = 0; corner < 4; corner++) {
            double x = (corner & 1) * mask.width();
            double y = (corner >> 1) * mask.height();
            double fy = c2o.get(1, 0) * x + c2o.get(1, 1) * y + c2o.get(1, 2);
            top = Math.min(top, fy);
            bottom = Math.max(bottom, fy);
        }
        int y0 = (int) Math.max(0, Math.min(h, Math.floor(top) - BAND_MARGIN));
        int y1 = (int) Math.max(y0, Math.min(h, Math.ceil(bottom) + BAND_MARGIN));
        return new Band(y0, y1);
    }

    /** The same transform with the band's first row as row 0. */
    private Affine inBand(Affine c2o) {
        return Affine.of(c2o.get(0, 0), c2o.get(0, 1), c2o.get(0, 2),
                c2o.get(1, 0), c2o.get(1, 1), c2o.get(1, 2) - band.y0());
    }
}
