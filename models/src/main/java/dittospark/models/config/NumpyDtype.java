package dittospark.models.config;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** The numpy element types a release config may hold, with their pickled codes and Java storage. */
public enum NumpyDtype {
    FLOAT32("float32", "f4", 4),
    FLOAT64("float64", "f8", 8),
    INT32("int32", "i4", 4),
    INT64("int64", "i8", 8),
    BOOL("bool", "b1", 1),
    UINT8("uint8", "u1", 1);

    private final String label;
    private final String code;
    private final int itemSize;

    NumpyDtype(String label, String code, int itemSize) {
        this.label = label;
        this.code = code;
        this.itemSize = itemSize;
    }

    /** The numpy name, e.g. {@code float32}. */
    public String label() {
        return label;
    }

    public int itemSize() {
        return itemSize;
    }

    /** The dtype of a pickled {@code numpy.dtype('f4')}-style code (byte order excluded). */
    static NumpyDtype ofCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unsupported numpy dtype '" + code
                        + "' (supported: float32, float64, int32, int64, bool, uint8)"));
    }

    /** An empty Java array of the type that stores this dtype. */
    Object allocate(int length) {
        return switch (this) {
            case FLOAT32 -> new float[length];
            case FLOAT64 -> new double[length];
            case INT32 -> new int[length];
            case INT64 -> new long[length];
            case BOOL -> new boolean[length];
            case UINT8 -> new byte[length];
        };
    }

    /** Decodes {@code raw} (row-major elements in {@code order}) into this dtype's Java array. */
    Object decode(byte[] raw, ByteOrder order) {
        if (raw.length % itemSize != 0) {
            throw new IllegalArgumentException(raw.length + " bytes are not a whole number of " + label + " items");
        }
        int n = raw.length / itemSize;
        ByteBuffer in = ByteBuffer.wrap(raw).order(order);
        Object out = allocate(n);
        switch (this) {
            case FLOAT32 -> in.asFloatBuffer().get((float[]) out);
            case FLOAT64 -> in.asDoubleBuffer().get((double[]) out);
            case INT32 -> in.asIntBuffer().get((int[]) out);
            case INT64 -> in.asLongBuffer().get((long[]) out);
            case BOOL -> {
                boolean[] b = (boolean[]) out;
                for (int i = 0; i < n; i++) {
                    b[i] = raw[i] != 0;
                }
            }
            case UINT8 -> System.arraycopy(raw, 0, out, 0, n);
        }
        return out;
    }

    /** The Java value of a numpy scalar: floats widen to Double, integers to Long. */
    Object scalar(byte[] raw, ByteOrder order) {
        Object one = decode(raw, order);
        return switch (this) {
            case FLOAT32 -> (double) ((float[]) one)[0];
            case FLOAT64 -> ((double[]) one)[0];
            case INT32 -> (long) ((int[]) one)[0];
            case INT64 -> ((long[]) one)[0];
            case BOOL -> ((boolean[]) one)[0];
            case UINT8 -> (long) Byte.toUnsignedInt(((byte[]) one)[0]);
        };
    }
}
