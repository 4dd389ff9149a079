package dittospark.options;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.errors.RenderException;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A list of motion keys ({@code use_d_keys}, {@code fade_out_keys}), or, where weights are allowed, an
 * object of key to weight. The keys are those of generated motion: the source's own {@code kp} is never
 * driven or faded.
 */
record MotionKeysCheck(boolean weights, boolean orNull) implements ValueCheck {
    private static final List<String> KEYS = List.of("scale", "pitch", "yaw", "roll", "t", "exp");
    /** Weights scale a key's motion: far past any useful motion, yet finite. */
    private static final NumberRange WEIGHT = new NumberRange(-10, 10);

    @Override
    public String accepts() {
        String keys = "a list of motion keys (" + String.join(", ", KEYS) + ")";
        String or = weights ? keys + ", an object of such keys to weights in " + WEIGHT.range() : keys;
        return orNull ? or + ", or null" : or;
    }

    @Override
    public void check(String what, JsonNode v) throws RenderException {
        if (orNull && v.isNull()) {
            return;
        }
        if (v.isArray()) {
            for (JsonNode key : v) {
                if (!key.isTextual() || !KEYS.contains(key.asText())) {
                    throw unknown(what, key.toString());
                }
            }
            return;
        }
        if (!weights || !v.isObject()) {
            throw BadOption.of(what, accepts(), v);
        }
        Iterator<Map.Entry<String, JsonNode>> entries = v.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> e = entries.next();
            if (!KEYS.contains(e.getKey())) {
                throw unknown(what, "\"" + BadOption.oneLine(e.getKey()) + "\"");
            }
            WEIGHT.check(what + "." + e.getKey(), e.getValue());
        }
    }

    private static RenderException unknown(String what, String key) {
        return BadOption.because("option '" + what + "' names " + key + ", not a motion key; known: "
                + String.join(", ", KEYS));
    }
}
