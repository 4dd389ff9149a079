package dittospark.image;

/**
 * The source-loading size rule: bound the long side by {@code maxSize} (when positive), then floor
 * both sides to even; a resize (bilinear) is needed only when the size changed.
 */
public final class ResizeRule {
    /** The reference's default bound on the long side. */
    public static final int DEFAULT_MAX_SIZE = 1920;

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
        return new Size(w, h, w != width || h != height);
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
