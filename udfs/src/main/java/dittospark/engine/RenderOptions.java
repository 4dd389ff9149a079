package dittospark.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.options.Option;
import dittospark.options.Options;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A row's render options, each checked against its {@link Options} entry. Values are kept as the
 * row's JSON: the engine reads them in their types only after merging them over the model config's
 * {@code default_kwargs} (see {@link RenderSettings}).
 */
public final class RenderOptions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final RenderOptions NONE = new RenderOptions(Map.of());

    private final Map<String, JsonNode> values;

    private RenderOptions(Map<String, JsonNode> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static RenderOptions none() {
        return NONE;
    }

    /** Parses a JSON object of options; null or blank means no options. */
    public static RenderOptions parse(String json) throws RenderException {
        if (json == null || json.isBlank()) {
            return NONE;
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new RenderException(ErrorKind.BAD_OPTION, "options are not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || node.isNull()) {
            return NONE;
        }
        if (!node.isObject()) {
            throw new RenderException(ErrorKind.BAD_OPTION, "options must be a JSON object, got " + node.getNodeType());
        }
        return of((ObjectNode) node);
    }

    /** Parses {@code key=value} pairs as given on a command line; values are JSON, or plain strings. */
    public static RenderOptions parsePairs(Iterable<String> pairs) throws RenderException {
        ObjectNode node = JSON.createObjectNode();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new RenderException(ErrorKind.BAD_OPTION, "option '" + pair + "' is not of the form key=value");
            }
            String text = pair.substring(eq + 1);
            JsonNode value;
            try {
                value = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                value = JSON.getNodeFactory().textNode(text);
            }
            node.set(pair.substring(0, eq), value == null ? JSON.getNodeFactory().textNode(text) : value);
        }
        return of(node);
    }

    private static RenderOptions of(ObjectNode node) throws RenderException {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            validate(field.getKey(), field.getValue());
            values.put(field.getKey(), field.getValue());
        }
        return new RenderOptions(values);
    }

    public Map<String, JsonNode> values() {
        return values;
    }

    public boolean has(Option<?> option) {
        return values.containsKey(option.name());
    }

    /** These options, plus {@code option = value} where they do not set {@code option} themselves. */
    public RenderOptions orElse(Option<?> option, JsonNode value) throws RenderException {
        return has(option) ? this : with(option, value);
    }

    /** These options with {@code option = value}, checked against its range. */
    public RenderOptions with(Option<?> option, JsonNode value) throws RenderException {
        option.validate(value);
        Map<String, JsonNode> more = new LinkedHashMap<>(values);
        more.put(option.name(), value);
        return new RenderOptions(more);
    }

    /** The value as the row gave it, or null where the row leaves the option out. */
    public JsonNode get(Option<?> option) {
        return values.get(option.name());
    }

    private static void validate(String name, JsonNode value) throws RenderException {
        Options.require(name).validate(value);
    }
}
