package dittospark.image;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * An 8-bit RGB picture written in place, in a byte buffer whose rows may be padded: {@code stride}
 * bytes from one row's start to the next, at least {@code width * 3}. The frame memory an encoder
 * reads, lent to whoever fills it; an {@link Image} where a picture must be kept.
 */
public final class FrameBuffer {
    private final int width;
    private final int height;
    private final int stride;
    private final ByteBuffer pixels;

    public FrameBuffer(int width, int height, int stride, ByteBuffer pixels) {
        if (width <= 0 || height <= 0 || stride < width * 3) {
            throw new IllegalArgumentException("bad frame buffer " + width + "x" + height + " with stride " + stride);
        }
        Objects.requireNonNull(pixels, "pixels");
        if (pixels.capacity() < (long) stride * (height - 1) + width * 3L) {
            throw new IllegalArgumentException("a " + width + "x" + height + " frame with stride " + stride
                    + " needs more than the " + pixels.capacity() + " bytes given");
        }
        this.width = width;
        this.height = height;
        this.stride = stride;
        this.pixels = pixels;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Bytes from the start of one row to the start of the next. */
    public int stride() {
        return stride;
    }

    /** The pixel bytes themselves, addressed absolutely: pixel (x, y) channel c at {@code y * stride + x * 3 + c}. */
    public ByteBuffer pixels() {
        return pixels;
    }

    /** Overwrites rows {@code y0} (inclusive) to {@code y1} (exclusive) with those of {@code image}, the same size. */
    public void copyRows(Image image, int y0, int y1) {
        if (image.width() != width || image.height() != height) {
            throw new IllegalArgumentException("picture is " + image.width() + "x" + image.height()
                    + ", frame buffer " + width + "x" + height);
        }
        int row = width * 3;
        for (int y = y0; y < y1; y++) {
            pixels.put(y * stride, image.rgb(), y * row, row);
        }
    }

    /** A copy of the picture as it is now. */
    public Image toImage() {
        int row = width * 3;
        byte[] rgb = new byte[row * height];
        for (int y = 0; y < height; y++) {
            pixels.get(y * stride, rgb, y * row, row);
        }
        return new Image(width, height, rgb);
    }
}
