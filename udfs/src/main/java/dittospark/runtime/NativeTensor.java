package dittospark.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;

/**
 * A dense row-major tensor of float32 or int64 values in a direct buffer of the platform's byte order,
 * wrapped once as an ONNX Runtime tensor: ONNX Runtime reads an input and writes a pinned output in
 * place, so a run neither allocates nor copies it. Not thread-safe: one thread writes it at a time,
 * and nobody writes it while a run reads it.
 */
public final class NativeTensor implements AutoCloseable {
    public static final String FLOAT32 = "float32";
    public static final String INT64 = "int64";

    private final String type;
    private final long[] shape;
    private final Buffer buffer;
    private final OnnxTensor onnx;

    private NativeTensor(String type, long[] shape, Buffer buffer, OnnxTensor onnx) {
        this.type = type;
        this.shape = shape;
        this.buffer = buffer;
        this.onnx = onnx;
    }

    /** A zero-filled tensor of {@code type} ({@link #FLOAT32} or {@link #INT64}) and {@code shape}. */
    static NativeTensor allocate(String type, long[] shape) throws RenderException {
        boolean floats = FLOAT32.equals(type);
        if (!floats && !INT64.equals(type)) {
            throw new IllegalArgumentException("tensors hold " + FLOAT32 + " or " + INT64 + ", not " + type);
        }
        ByteBuffer bytes = ByteBuffer.allocateDirect(count(shape) * (floats ? Float.BYTES : Long.BYTES))
                .order(ByteOrder.nativeOrder());
        try {
            if (floats) {
                FloatBuffer values = bytes.asFloatBuffer();
                return new NativeTensor(type, shape.clone(), values,
                        OnnxTensor.createTensor(OrtRuntime.environment(), values, shape));
            }
            LongBuffer values = bytes.asLongBuffer();
            return new NativeTensor(type, shape.clone(), values,
                    OnnxTensor.createTensor(OrtRuntime.environment(), values, shape));
        } catch (OrtException e) {
            throw new RenderException(ErrorKind.INTERNAL, "cannot wrap a " + type + describe(shape) + " buffer: "
                    + e.getMessage(), e);
        }
    }

    private static int count(long[] shape) {
        long count = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + describe(shape));
            }
            count *= d;
        }
        return Math.toIntExact(count);
    }

    OnnxTensor onnx() {
        return onnx;
    }

    /** Element type as the model contracts spell it: {@link #FLOAT32} or {@link #INT64}. */
    public String type() {
        return type;
    }

    public long[] shape() {
        return shape.clone();
    }

    public int size() {
        return buffer.capacity();
    }

    /** The values in place, from the first: a view to read or write, no copy. */
    public FloatBuffer floats() {
        if (!(buffer instanceof FloatBuffer f)) {
            throw new IllegalStateException("tensor " + this + " holds " + INT64 + ", not " + FLOAT32);
        }
        return f.duplicate().clear();
    }

    /** The values in place, from the first: a view to read or write, no copy. */
    public LongBuffer longs() {
        if (!(buffer instanceof LongBuffer l)) {
            throw new IllegalStateException("tensor " + this + " holds " + FLOAT32 + ", not " + INT64);
        }
        return l.duplicate().clear();
    }

    /** Overwrites every value with {@code values}, which holds exactly {@link #size()}. */
    public void put(float[] values) {
        checkLength(values.length);
        floats().put(values);
    }

    /** Overwrites every value with {@code values}, which holds exactly {@link #size()}. */
    public void put(long[] values) {
        checkLength(values.length);
        longs().put(values);
    }

    /** Copies every value into {@code into}, which holds exactly {@link #size()}: one bulk copy. */
    public void get(float[] into) {
        checkLength(into.length);
        floats().get(into);
    }

    /** A new array of the values. */
    public float[] toFloats() {
        float[] out = new float[size()];
        floats().get(out);
        return out;
    }

    private void checkLength(int length) {
        if (length != size()) {
            throw new IllegalArgumentException("tensor " + this + " holds " + size() + " values, got " + length);
        }
    }

    /** A shape the way messages print it: {@code [1,80,265]}. */
    public static String describe(long[] shape) {
        return Arrays.toString(shape).replace(" ", "");
    }

    @Override
    public String toString() {
        return type + describe(shape);
    }

    /** Frees the ONNX Runtime value; the buffer's memory goes with the last reference to it. */
    @Override
    public void close() {
        onnx.close();
    }
}
