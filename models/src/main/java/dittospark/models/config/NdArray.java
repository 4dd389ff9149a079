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

    public int size() {
        return Array.getLength(data);
    }

    public int rank() {
        return shape.length;
    }

    /**
     * The array a JSON config holds as a number or as rectangular nested lists of numbers or
     * booleans: int64 when every element is an integer, bool when every one is a boolean, float64
     * otherwise.
     */
    static NdArray fromNested(Object value, String path) {
        List<Integer> shape = new ArrayList<>();
        List<Object> elements = new ArrayList<>();
        flatten(value, 0, shape, elements, path);
        int[] dims = shape.stream().mapToInt(Integer::intValue).toArray();
        NumpyDtype dtype = elements.stream().allMatch(e -> e instanceof Boolean) && !elements.isEmpty()
                ? NumpyDtype.BOOL
                : elements.stream().allMatch(e -> e instanceof Long) ? NumpyDtype.INT64 : NumpyDtype.FLOAT64;
        Object data = dtype.allocate(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            Object e = elements.get(i);
            switch (dtype) {
                case BOOL -> ((boolean[]) data)[i] = (Boolean) e;
                case INT64 -> ((long[]) data)[i] = (Long) e;
                default -> ((double[]) data)[i] = e instanceof Boolean b ? (b ? 1 : 0) : ((Number) e).doubleValue();
            }
        }
        return new NdArray(dtype, dims, data);
    }

    private static void flatten(Object value, int depth, List<Integer> shape, List<Object> out, String path) {
        if (value instanceof List<?> list) {
            if (shape.size() == depth) {
                if (out.size() > 0) {
                    throw new IllegalStateException(path + " is not a rectangular array");
                }
                shape.add(list.size());
            } else if (shape.size() < depth || shape.get(depth) != list.size()) {
                throw new IllegalStateException(path + " is not a rectangular array");
            }
            for (Object item : list) {
                flatten(item, depth + 1, shape, out, path);
            }
        } else if (value instanceof Long || value instanceof Double || value instanceof Boolean) {
            if (depth != shape.size()) {
                throw new IllegalStateException(path + " is not a rectangular array");
            }
            out.add(value);
        } else {
            throw new IllegalStateException(path + " is not a numeric array (holds "
                    + (value == null ? "None" : value.getClass().getSimpleName()) + ")");
        }
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

    /** The elements as float, converting from any dtype (bool as 0/1). */
    public float[] toFloats() {
        float[] out = new float[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) element(i);
        }
        return out;
    }

    /** The elements as double, converting from any dtype (bool as 0/1). */
    public double[] toDoubles() {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = element(i);
        }
        return out;
    }

    /** The elements as long; only for integer and bool arrays, where the conversion is exact. */
    public long[] toLongs() {
        if (dtype == NumpyDtype.FLOAT32 || dtype == NumpyDtype.FLOAT64) {
            throw new IllegalStateException("a " + dtype.label() + " array has no exact long values");
        }
        if (dtype == NumpyDtype.INT64) {
            return ((long[]) data).clone();
        }
        long[] out = new long[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (long) element(i);
        }
        return out;
    }

    private double element(int i) {
        return switch (dtype) {
            case FLOAT32 -> ((float[]) data)[i];
            case FLOAT64 -> ((double[]) data)[i];
            case INT32 -> ((int[]) data)[i];
            case INT64 -> ((long[]) data)[i];
            case BOOL -> ((boolean[]) data)[i] ? 1 : 0;
            case UINT8 -> Byte.toUnsignedInt(((byte[]) data)[i]);
        };
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
