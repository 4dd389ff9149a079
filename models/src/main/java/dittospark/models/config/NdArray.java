package dittospark.models.config;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A numpy array from a config: element type, shape and the elements in row-major order, stored as
 * the matching Java array ({@code float[]} for float32, {@code double[]}, {@code int[]},
 * {@code long[]}, {@code boolean[]}, and {@code byte[]} holding uint8 bits).
 */
public record NdArray(NumpyDtype dtype, int[] shape, Object data) {

    public NdArray {
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
        if (data == null || data.getClass() != dtype.allocate(0).getClass()) {
            throw new IllegalArgumentException("data of a " + dtype.label() + " array must be a "
                    + dtype.allocate(0).getClass().getSimpleName());
        }
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        if (Array.getLength(data) != size) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + size
                    + " elements, got " + Array.getLength(data));
        }
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /**
     * The elements as nested lists the way numpy's {@code tolist()} gives them: floats as Double,
     * integers as Long, bools as Boolean; a 0-d array is its single element.
     */
    public Object toNestedLists() {
        return nest(0, 0);
    }

    private Object nest(int axis, int offset) {
        if (axis == shape.length) {
            return switch (dtype) {
                case FLOAT32 -> (double) ((float[]) data)[offset];
                case FLOAT64 -> ((double[]) data)[offset];
                case INT32 -> (long) ((int[]) data)[offset];
                case INT64 -> ((long[]) data)[offset];
                case BOOL -> ((boolean[]) data)[offset];
                case UINT8 -> (long) Byte.toUnsignedInt(((byte[]) data)[offset]);
            };
        }
        int stride = 1;
        for (int a = axis + 1; a < shape.length; a++) {
            stride *= shape[a];
        }
        List<Object> out = new ArrayList<>(shape[axis]);
        for (int i = 0; i < shape[axis]; i++) {
            out.add(nest(axis + 1, offset + i * stride));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NdArray other && dtype == other.dtype && Arrays.equals(shape, other.shape)
                && Objects.deepEquals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dtype, Arrays.hashCode(shape), Arrays.deepHashCode(new Object[] {data}));
    }

    @Override
    public String toString() {
        return "ndarray(" + dtype.label() + ", shape " + Arrays.toString(shape) + ")";
    }
}
