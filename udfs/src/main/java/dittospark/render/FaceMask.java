package dittospark.render;

import dittospark.image.FloatImage;

import java.util.Arrays;

/**
 * The one-channel 512x512 blend masks that put a rendered face back into its frame: a feathered
 * square (1 inside, linear ramps to 0 across the border band, rounded corners), per blend mode.
 */
public final class FaceMask {
    public static final int SIZE = 512;
    private static final double BLEND_INTERIOR = 0.9;
    private static final double STRONG_INTERIOR = 0.95;

    private FaceMask() {
    }

    /**
     * The mask of a blend mode: {@code blend} the reference's 90% feather, {@code strong} a 95% one,
     * {@code replace} the hard square, {@code weak} half the reference mask, {@code custom} the
     * reference mask times {@code blendAlpha}.
     */
    public static FloatImage forMode(String blendMode, double blendAlpha) {
        return switch (blendMode) {
            case "blend" -> feathered(SIZE, SIZE, BLEND_INTERIOR, BLEND_INTERIOR);
            case "strong" -> feathered(SIZE, SIZE, STRONG_INTERIOR, STRONG_INTERIOR);
            case "replace" -> filled(1f);
            case "weak" -> scaled(feathered(SIZE, SIZE, BLEND_INTERIOR, BLEND_INTERIOR), 0.5f);
            case "custom" -> scaled(feathered(SIZE, SIZE, BLEND_INTERIOR, BLEND_INTERIOR), (float) blendAlpha);
            default -> throw new IllegalArgumentException("unknown blend mode " + blendMode);
        };
    }

    /**
     * {@code get_mask(width, height, ratioW, ratioH)}: an interior of int(width*ratioW) x
     * int(height*ratioH) ones, centred; each border band ramps linearly from 0 at the picture edge to
     * 1 at the interior; a corner is 1 - clip(distance, 0, 1), the distance built from the two ramps.
     */
    public static FloatImage feathered(int width, int height, double ratioW, double ratioH) {
        int w = (int) (width * ratioW);
        int h = (int) (height * ratioH);
        int x1 = (width - w) / 2;
        int x2 = x1 + w;
        int y1 = (height - h) / 2;
        int y2 = y1 + h;
        double[] rampX = ramp(width, x1, x2);
        double[] rampY = ramp(height, y1, y2);
        float[] data = new float[width * height];
        for (int y = 0; y < height; y++) {
            boolean insideY = y >= y1 && y < y2;
            for (int x = 0; x < width; x++) {
                boolean insideX = x >= x1 && x < x2;
                double v;
                if (insideX && insideY) {
                    v = 1;
                } else if (insideX) {
                    v = rampY[y];
                } else if (insideY) {
                    v = rampX[x];
                } else {
                    double dx = 1 - rampX[x];
                    double dy = 1 - rampY[y];
                    v = 1 - Math.min(1, Math.max(0, Math.sqrt(dx * dx + dy * dy)));
                }
                data[y * width + x] = (float) v;
            }
        }
        return new FloatImage(width, height, 1, data);
    }

    /** Per position along one axis: linspace(0, 1) over [0, lo), 1 inside, linspace(1, 0) over [hi, n). */
    private static double[] ramp(int n, int lo, int hi) {
        double[] r = new double[n];
        Arrays.fill(r, 1);
        linspace(r, 0, lo, 0, 1);
        linspace(r, hi, n - hi, 1, 0);
        return r;
    }

    /** numpy's linspace(start, stop, count) written at {@code from}: i * step + start, the last exactly stop. */
    private static void linspace(double[] out, int from, int count, double start, double stop) {
        if (count == 0) {
            return;
        }
        if (count == 1) {
            out[from] = start;
            return;
        }
        double step = (stop - start) / (count - 1);
        for (int i = 0; i < count - 1; i++) {
            out[from + i] = i * step + start;
        }
        out[from + count - 1] = stop;
    }

    private static FloatImage filled(float value) {
        float[] data = new float[SIZE * SIZE];
        Arrays.fill(data, value);
        return new FloatImage(SIZE, SIZE, 1, data);
    }

    private static FloatImage scaled(FloatImage mask, float factor) {
        float[] data = mask.data().clone();
        for (int i = 0; i < data.length; i++) {
            data[i] *= factor;
        }
        return new FloatImage(mask.width(), mask.height(), 1, data);
    }
}
