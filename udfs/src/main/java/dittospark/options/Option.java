package dittospark.options;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.errors.RenderException;

import java.util.function.Function;

/**
 * One render option a row may set: its name (the reference's setup keyword argument), the values it
 * accepts, the reference's own default for configs that leave it out, its one-line doc, and how the
 * engine reads its JSON value as a {@code T}.
 */
public record Option<T>(String name, ValueCheck check, Function<JsonNode, T> reader, JsonNode builtIn, String doc) {

    /** Rejects a value a row gives with a one-line message naming this option and what it accepts. */
    public void validate(JsonNode value) throws RenderException {
        check.check(name, value);
    }

    /**
     * This option's value in the engine's type. Model configs are read, not validated, so that a
     * release config's own values (a 0/1 flag, say) keep working.
     */
    public T read(JsonNode value) {
        return reader.apply(value);
    }

    public String accepts() {
        return check.accepts();
    }
}
