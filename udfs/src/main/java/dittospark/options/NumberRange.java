package dittospark.options;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.errors.RenderException;

/** A finite JSON number in {@code [min, max]}. */
record NumberRange(double min, double max) implements ValueCheck {
    @Override
    public String accepts() {
        return "a number in " + range();
    }

    String range() {
        return "[" + plain(min) + ", " + plain(max) + "]";
    }

    /** Rejects NaN and the infinities that JSON numbers beyond double's range parse to. */
    @Override
    public void check(String what, JsonNode v) throws RenderException {
        if (!v.isNumber() || !Double.isFinite(v.asDouble()) || !(v.asDouble() >= min && v.asDouble() <= max)) {
            throw BadOption.of(what, accepts(), v);
        }
    }

    /** Whole bounds without Java's trailing ".0", as a reader writes them. */
    private static String plain(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
