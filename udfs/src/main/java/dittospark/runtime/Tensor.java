package dittospark.runtime;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense row-major tensor of float32 or int64 values: what goes into and comes out of a model.
 * The data array is held, not copied, so that large feature volumes cross without extra copies;
 * whoever keeps a tensor must not write to its array afterwards.
 */
public final class Tensor {
    public static final String FLOAT32 = "float32";
    public static final String INT64 = "int64";

    private final float[] floats;
    private final long[] longs;
    private final long[] shape;

    private Tensor(float[] floats, long[] longs, long[] shape) {
        this.floats = floats;
        this.longs = longs;
        this.shape = shape.clone();
        long count = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            count *= d;
        }
        int length = floats != null ? floats.length : longs.length;
        if (count != length) {
            throw new IllegalArgumentException("shape " + describe(shape) + " holds " + count
                    + " values, data has " + length);
        }
    }

    public static Tensor ofFloats(float[] data, long... shape) {
        return new Tensor(Objects.requireNonNull(data, "data"), null, shape);
    }

    public static Tensor ofLongs(long[] data, long... shape) {
        return new Tensor(null, Objects.requireNonNull(data, "data"), shape);
    }

    /** Element type as the model contracts spell it: {@link #FLOAT32} or {@link #INT64}. */
    public String type() {
        return floats != null ? FLOAT32 : INT64;
    }

    public long[] shape() {
        return shape.clone();
    }

    public int size() {
        return floats != null ? floats.length : longs.length;
    }

    /** The float32 values themselves, not a copy. */
    public float[] floats() {
        if (floats == null) {
            throw new IllegalStateException("tensor " + describe(shape) + " holds " + INT64 + ", not " + FLOAT32);
        }
        return floats;
    }

    /** The int64 values themselves, not a copy. */
    public long[] longs() {
        if (longs == null) {
            throw new IllegalStateException("tensor " + describe(shape) + " holds " + FLOAT32 + ", not " + INT64);
        }
        return longs;
    }

    /** A shape the way messages print it: {@code [1,80,265]}. */
    public static String describe(long[] shape) {
        return Arrays.toString(shape).replace(" ", "");
    }

    @Override
    public String toString() {
        return type() + describe(shape);
    }
}
