package dittospark.models.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The JSON form of a config, as Python's {@code json.dump} writes it after {@code ndarray.tolist()}:
 * dicts are objects, tuples and lists arrays, None null, numpy arrays nested lists and numpy
 * scalars plain numbers. NaN and Infinity are written and read bare, as Python does.
 */
final class ConfigJson {
    private static final String INDENT = "  ";
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ConfigJson() {
    }

    /**
     * Pretty JSON of a normalised config value. A list of plain values stays on one line, so that
     * an [N,8] array prints as N lines of 8 numbers rather than 9N lines.
     */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(ConfigValues.plain(value), 0, out);
        return out.append('\n').toString();
    }

    private static void write(Object value, int depth, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            writeItems(map.entrySet(), '{', '}', depth, out, (e, o) -> {
                o.append(scalar(e.getKey())).append(": ");
                write(e.getValue(), depth + 1, o);
            });
        } else if (value instanceof List<?> list && list.stream().anyMatch(v -> v instanceof Map || v instanceof List)) {
            writeItems(list, '[', ']', depth, out, (v, o) -> write(v, depth + 1, o));
        } else if (value instanceof List<?> list) {
            out.append(list.stream().map(ConfigJson::scalar).collect(Collectors.joining(", ", "[", "]")));
        } else {
            out.append(scalar(value));
        }
    }

    private static <T> void writeItems(Collection<T> items, char open, char close, int depth, StringBuilder out,
                                       BiConsumer<T, StringBuilder> item) {
        if (items.isEmpty()) {
            out.append(open).append(close);
            return;
        }
        String indent = INDENT.repeat(depth + 1);
        out.append(open).append('\n');
        int i = 0;
        for (T t : items) {
            out.append(indent);
            item.accept(t, out);
            out.append(++i < items.size() ? ",\n" : "\n");
        }
        out.append(INDENT.repeat(depth)).append(close);
    }

    private static String scalar(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The normalised value of a JSON document. */
    static Object read(byte[] json) throws IOException {
        return ConfigValues.normalize(MAPPER.readValue(json, Object.class), "config");
    }
}
