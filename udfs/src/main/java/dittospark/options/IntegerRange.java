package dittospark.options;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.errors.RenderException;

/** A JSON integer in {@code [min, max]}. */
record IntegerRange(long min, long max) implements ValueCheck {
    @Override
    public String accepts() {
        return "an integer in [" + min + ", " + max + "]";
    }

    @Override
    public void check(String what, JsonNode v) throws RenderException {
        if (!holds(v)) {
            throw BadOption.of(what, accepts(), v);
        }
    }

    boolean holds(JsonNode v) {
        // a huge integer is a BigInteger node whose asLong() wraps around into range
        return v.isIntegralNumber() && v.canConvertToLong() && v.asLong() >= min && v.asLong() <= max;
    }
}
