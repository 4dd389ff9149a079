package dittospark.models.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON form of a config, as Python's {@code json.dump} writes it after {@code ndarray.tolist()}:
 * dicts are objects, tuples and lists arrays, None null, numpy arrays nested lists and numpy
 * scalars plain numbers. NaN and Infinity are written and read bare, as Python does.
 */
final class ConfigJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ConfigJson() {
    }

    /** Pretty JSON of a normalised config value. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(ConfigValues.plain(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The normalised value of a JSON document. */
    static Object read(byte[] json) throws IOException {
        return ConfigValues.normalize(MAPPER.readValue(json, Object.class), "config");
    }
}
