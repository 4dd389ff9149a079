package dittospark.image;

/**
 * The source-loading size rule: bound the long side by {@code maxSize} (when positive), then floor
 * both sides to even; a resize (bilinear) is needed only when the size changed. Beyond the reference,
 * the result also stays within H.264 level 5.1, the largest level common players and hardware decoders
 * accept: at most {@value #MAX_MACROBLOCKS} macroblocks of 16x16 pixels (4096x2304, or 3072x3072) and at
 * most {@value #MAX_SIDE} pixels on a side; x264 would otherwise write a stream of a level many players refuse.
 */
public final class ResizeRule {
    /** The reference's default bound on the long side. */
    public static final int DEFAULT_MAX_SIZE = 1920;
    /** Level 5.1's MaxFS. */
    public static final int MAX_MACROBLOCKS = 36_864;
    /** sqrt(8 * MaxFS) macroblocks, the level's bound on either side. */
    public static final int MAX_SIDE = 8_688;

    /** The size to load a {@code width x height} source at, and whether it differs from the original. */
    public record Size(int width, int height, boolean resized) {
    }

    private ResizeRule() {
    }

    public static Size fit(int width, int height, int maxSize) {
        int w = width;
        int h = height;
        int longSide = Math.max(w, h);
        if (maxSize > 0 && longSide > maxSize) {
            if (w >= h) {
                h = roundHalfEven((double) h * maxSize / longSide);
                w = maxSize;
            } else {
                w = roundHalfEven((double) w * maxSize / longSide);
                h = maxSize;
            }
        }
        w -= w % 2;
        h -= h % 2;
        if (!withinLevel(w, h)) {
            double scale = Math.min(Math.sqrt(MAX_MACROBLOCKS * 256.0 / ((double) w * h)), (double) MAX_SIDE / Math.max(w, h));
            int cw = w;
            int ch = h;
            while (!withinLevel(cw, ch)) {
                cw = (int) (w * scale) & ~1;
                ch = (int) (h * scale) & ~1;
                scale *= 0.995;
            }
            w = cw;
            h = ch;
        }
        return new Size(w, h, w != width || h != height);
    }

    static boolean withinLevel(int w, int h) {
        return (long) ((w + 15) / 16) * ((h + 15) / 16) <= MAX_MACROBLOCKS && Math.max(w, h) <= MAX_SIDE;
    }

    /** The picture at the size {@link #fit} gives, resized bilinearly only when that size differs. */
    public static Image apply(Image image, int maxSize) {
        Size size = fit(image.width(), image.height(), maxSize);
        return size.resized() ? ImageOps.resize(image, size.width(), size.height()) : image;
    }

    /** Python's round(): ties go to the even neighbour. */
    private static int roundHalfEven(double v) {
        return (int) Math.rint(v);
    }
}
