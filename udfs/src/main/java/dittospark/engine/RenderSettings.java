package dittospark.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.options.Option;
import dittospark.options.Options;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of one render, read once into each option's type: the reference's own defaults,
 * overridden by the model config's {@code default_kwargs}, overridden by the row's options.
 */
final class RenderSettings {
    private final Map<Option<?>, Object> values;

    private RenderSettings(Map<Option<?>, Object> values) {
        this.values = values;
    }

    static RenderSettings of(JsonNode configDefaults, RenderOptions options) {
        Map<String, JsonNode> merged = new HashMap<>();
        Options.ALL.forEach(o -> merged.put(o.name(), o.builtIn()));
        if (configDefaults != null && configDefaults.isObject()) {
            configDefaults.fields().forEachRemaining(f -> merged.put(f.getKey(), f.getValue()));
        }
        merged.putAll(options.values());
        Map<Option<?>, Object> values = new HashMap<>();
        for (Option<?> option : Options.ALL) {
            JsonNode v = merged.get(option.name());
            if (isSet(v)) {
                values.put(option, option.read(v));
            }
        }
        return new RenderSettings(values);
    }

    private static boolean isSet(JsonNode v) {
        return v != null && !v.isNull();
    }

    /** The value of an option that always has one; a config that sets it to None is a broken config. */
    <T> T get(Option<T> option) {
        return find(option).orElseThrow(
                () -> new IllegalStateException("setting '" + option.name() + "' has no value"));
    }

    /** The value, unless neither the row, the config nor the reference set one (null counts as unset). */
    <T> Optional<T> find(Option<T> option) {
        @SuppressWarnings("unchecked") // values holds option.read(..) under each option
        T value = (T) values.get(option);
        return Optional.ofNullable(value);
    }
}
