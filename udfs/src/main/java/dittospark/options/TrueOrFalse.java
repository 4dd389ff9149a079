package dittospark.options;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.errors.RenderException;

/** A JSON boolean, or also null where null means "decide from the source". */
record TrueOrFalse(boolean orNull) implements ValueCheck {
    @Override
    public String accepts() {
        return orNull ? "true, false or null" : "true or false";
    }

    @Override
    public void check(String what, JsonNode v) throws RenderException {
        if (!(v.isBoolean() || orNull && v.isNull())) {
            throw BadOption.of(what, accepts(), v);
        }
    }
}
