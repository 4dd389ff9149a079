package dittospark.models;

import java.util.List;

/**
 * The contract of one model input or output. A dimension is either a fixed size or a named
 * dynamic axis; {@code shapes} lists the accepted alternatives.
 *
 * @param name   the tensor name, or {@code "*"} when the release does not fix it (matched by position)
 * @param key    what an output positioned by order means (e.g. {@code pitch}); null when named
 * @param type   element type as ONNX spells it in lower case: {@code float32}, {@code int64}
 */
public record TensorSpec(String name, String key, String type, List<List<Dim>> shapes, boolean optional) {

    public static final String ANY_NAME = "*";

    public boolean positional() {
        return ANY_NAME.equals(name);
    }

    /** The first accepted shape: the one the demo models and the engine's inputs use. */
    public List<Dim> primaryShape() {
        return shapes.get(0);
    }

    /** Whether {@code actual} (with -1 or 0 for a dynamic axis) fits one of the accepted shapes. */
    public boolean accepts(long[] actual) {
        return shapes.stream().anyMatch(shape -> fits(shape, actual));
    }

    private static boolean fits(List<Dim> shape, long[] actual) {
        if (shape.size() != actual.length) {
            return false;
        }
        for (int i = 0; i < actual.length; i++) {
            Dim d = shape.get(i);
            if (!d.dynamic() && actual[i] > 0 && actual[i] != d.size()) {
                return false;
            }
        }
        return true;
    }

    /** Human-readable accepted shapes, e.g. {@code [1,L] or [1,T,1024]}. */
    public String describeShapes() {
        StringBuilder b = new StringBuilder();
        for (List<Dim> shape : shapes) {
            if (b.length() > 0) {
                b.append(" or ");
            }
            b.append(shape.toString().replace(" ", ""));
        }
        return b.toString();
    }

    /** One axis: a fixed size, or a dynamic axis with a symbol. */
    public record Dim(long size, String symbol) {
        public static Dim fixed(long size) {
            return new Dim(size, null);
        }

        public static Dim dynamic(String symbol) {
            return new Dim(-1, symbol);
        }

        public boolean dynamic() {
            return symbol != null;
        }

        @Override
        public String toString() {
            return dynamic() ? symbol : Long.toString(size);
        }
    }
}
