package dittospark.models.config;

import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Python pickles that hold numpy arrays and scalars. An array arrives either as
 * {@code _reconstruct} followed by {@code __setstate__((version, shape, dtype, fortran, bytes))}
 * (protocols up to 4) or as {@code _frombuffer(bytes, dtype, shape, order)} (protocol 5);
 * both become {@link NdArray}s in row-major order.
 *
 * <p>Public only because the unpickler calls {@code __setstate__} on the state classes by
 * reflection. The unpickler's constructor table is process-wide; the numpy names registered here
 * mean the same thing to any other reader in the JVM.
 */
public final class NumpyPickle {
    static {
        // numpy 2 moved numpy.core to numpy._core; pickles name whichever wrote them
        for (String core : new String[] {"numpy.core", "numpy._core"}) {
            Unpickler.registerConstructor(core + ".multiarray", "_reconstruct", args -> new ArrayState());
            Unpickler.registerConstructor(core + ".multiarray", "scalar", NumpyPickle::scalar);
            Unpickler.registerConstructor(core + ".numeric", "_frombuffer", NumpyPickle::fromBuffer);
        }
        Unpickler.registerConstructor("numpy", "dtype", args -> new DtypeState((String) args[0]));
    }

    private NumpyPickle() {
    }

    /** Unpickles {@code bytes}; dicts keep their order, arrays are {@link ArrayState}s until normalised. */
    static Object load(byte[] bytes) throws IOException {
        OrderedUnpickler unpickler = new OrderedUnpickler();
        try {
            return unpickler.loads(bytes);
        } finally {
            unpickler.close();
        }
    }

    private static Object scalar(Object[] args) {
        DtypeState dtype = (DtypeState) args[0];
        return dtype.type.scalar((byte[]) args[1], dtype.order);
    }

    private static NdArray fromBuffer(Object[] args) {
        DtypeState dtype = (DtypeState) args[1];
        return toArray(dtype, dims((Object[]) args[2]), "F".equals(args[3]), (byte[]) args[0]);
    }

    private static NdArray toArray(DtypeState dtype, int[] shape, boolean fortran, byte[] raw) {
        int size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if ((long) size * dtype.type.itemSize() != raw.length) {
            throw new PickleException("array of shape " + Arrays.toString(shape) + " and dtype "
                    + dtype.type.label() + " needs " + (long) size * dtype.type.itemSize() + " bytes, got " + raw.length);
        }
        byte[] rowMajor = fortran ? toRowMajor(raw, shape, dtype.type.itemSize()) : raw;
        return new NdArray(dtype.type, shape, dtype.type.decode(rowMajor, dtype.order));
    }

    /** Reorders column-major (Fortran) items into row-major order. */
    private static byte[] toRowMajor(byte[] columnMajor, int[] shape, int itemSize) {
        byte[] out = new byte[columnMajor.length];
        int[] index = new int[shape.length];
        int items = columnMajor.length / itemSize;
        for (int c = 0; c < items; c++) {
            int f = 0;
            for (int axis = shape.length - 1; axis >= 0; axis--) {
                f = f * shape[axis] + index[axis];
            }
            System.arraycopy(columnMajor, f * itemSize, out, c * itemSize, itemSize);
            for (int axis = shape.length - 1; axis >= 0 && ++index[axis] == shape[axis]; axis--) {
                index[axis] = 0;
            }
        }
        return out;
    }

    private static int[] dims(Object[] shape) {
        return Arrays.stream(shape).mapToInt(d -> Math.toIntExact(((Number) d).longValue())).toArray();
    }

    /** A pickled {@code numpy.dtype}: its element type, then its byte order from {@code __setstate__}. */
    public static final class DtypeState {
        final NumpyDtype type;
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;

        DtypeState(String code) {
            type = NumpyDtype.ofCode(code);
        }

        /** numpy's dtype state: (version, byte order char, ...); '>' is big-endian. */
        public void __setstate__(Object[] state) {
            order = ">".equals(state[1]) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        }
    }

    /** A pickled ndarray between {@code _reconstruct} and its {@code __setstate__}. */
    public static final class ArrayState {
        private NdArray array;

        /** numpy's array state: ([version,] shape, dtype, is_fortran, raw bytes). */
        public void __setstate__(Object[] state) {
            Object[] s = state.length == 5 ? Arrays.copyOfRange(state, 1, 5) : state;
            if (!(s[3] instanceof byte[] raw)) {
                throw new PickleException("numpy arrays of Python objects are not supported");
            }
            array = toArray((DtypeState) s[1], dims((Object[]) s[0]), Boolean.TRUE.equals(s[2]), raw);
        }

        NdArray array() {
            if (array == null) {
                throw new PickleException("a numpy array was reconstructed without its state");
            }
            return array;
        }
    }

    /** Keeps Python's dict order, which razorvine's unpickler loses by filling dicts through HashMaps. */
    private static final class OrderedUnpickler extends Unpickler {
        @Override
        protected Object dispatch(short key) throws PickleException, IOException {
            switch (key) {
                case Opcodes.EMPTY_DICT -> stack.add(new LinkedHashMap<>());
                case Opcodes.DICT -> {
                    Map<Object, Object> dict = new LinkedHashMap<>();
                    putPairs(dict, stack.pop_all_since_marker());
                    stack.add(dict);
                }
                case Opcodes.SETITEMS -> {
                    List<Object> pairs = stack.pop_all_since_marker();
                    @SuppressWarnings("unchecked")
                    Map<Object, Object> dict = (Map<Object, Object>) stack.peek();
                    putPairs(dict, pairs);
                }
                default -> {
                    return super.dispatch(key);
                }
            }
            return NO_RETURN_VALUE;
        }

        private static void putPairs(Map<Object, Object> dict, List<Object> keysAndValues) {
            for (int i = 0; i + 1 < keysAndValues.size(); i += 2) {
                dict.put(keysAndValues.get(i), keysAndValues.get(i + 1));
            }
        }
    }
}
