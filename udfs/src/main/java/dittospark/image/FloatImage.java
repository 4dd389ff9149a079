package dittospark.image;

import java.util.Objects;

/**
 * A float32 picture with any number of interleaved channels, rows top to bottom. Rendered frames
 * (0..255 RGB) and blend masks (one channel, 0..1) travel as this type.
 */
public record FloatImage(int width, int height, int channels, float[] data) {
    public FloatImage {
        if (width <= 0 || height <= 0 || channels <= 0) {
            throw new IllegalArgumentException("bad float image shape " + width + "x" + height + "x" + channels);
        }
        Objects.requireNonNull(data, "data");
        if (data.length != width * height * channels) {
            throw new IllegalArgumentException("expected " + width * height * channels + " floats for " + width + "x"
                    + height + "x" + channels + ", got " + data.length);
        }
    }

    public float at(int x, int y, int c) {
        return data[(y * width + x) * channels + c];
    }
}
