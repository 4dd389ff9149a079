package dittospark.image;

import java.util.Objects;

/**
 * An 8-bit RGB picture, rows top to bottom, pixels interleaved R,G,B. The one pixel type that
 * crosses package boundaries; decoders, warps and encoders convert at their edges.
 */
public final class Image {
    private final int width;
    private final int height;
    private final byte[] rgb;

    public Image(int width, int height, byte[] rgb) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        Objects.requireNonNull(rgb, "rgb");
        if (rgb.length != width * height * 3) {
            throw new IllegalArgumentException("expected " + width * height * 3 + " bytes for " + width + "x" + height
                    + " RGB, got " + rgb.length);
        }
        this.width = width;
        this.height = height;
        this.rgb = rgb;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The pixel bytes themselves, not a copy: callers that keep an image must not write to it. */
    public byte[] rgb() {
        return rgb;
    }

    /** Channel {@code c} (0 = R) of pixel (x, y), 0..255. */
    public int at(int x, int y, int c) {
        return rgb[(y * width + x) * 3 + c] & 0xFF;
    }
}
