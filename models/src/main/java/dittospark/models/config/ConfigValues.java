package dittospark.models.config;

import net.razorvine.pickle.objects.ClassDict;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings values read from a pickle or from JSON to one form: dicts become ordered maps with string
 * keys, tuples, lists and sets become lists, integers Long (BigInteger beyond), floats Double,
 * numpy arrays {@link NdArray}, numpy dtypes their name. The JSON form has no arrays: {@link #plain} turns them into the
 * nested lists Python's {@code tolist()} gives, which is how the two forms of a config compare.
 */
final class ConfigValues {
    private ConfigValues() {
    }

    static Object normalize(Object value, String path) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof NdArray) {
            return value;
        }
        if (value instanceof NumpyPickle.ArrayState state) {
            return state.array();
        }
        if (value instanceof NumpyPickle.DtypeState dtype) {
            return dtype.type.label();
        }
        if (value instanceof Float || value instanceof Double) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < Long.SIZE ? (Object) big.longValue() : big;
        }
        if (value instanceof ClassDict object) {
            throw new IllegalArgumentException(path + ": unsupported Python object " + object.getClassName());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                String key = String.valueOf(normalize(k, path + " (key)"));
                out.put(key, normalize(v, path + "." + key));
            });
            return Collections.unmodifiableMap(out);
        }
        if (value instanceof Object[] tuple) {
            return normalizeAll(Arrays.asList(tuple), path);
        }
        if (value instanceof Collection<?> items) {
            return normalizeAll(items, path);
        }
        throw new IllegalArgumentException(path + ": unsupported value of type " + value.getClass().getSimpleName());
    }

    /** A normalised value with every array replaced by its nested lists (a 0-d array by its element). */
    static Object plain(Object value) {
        if (value instanceof NdArray array) {
            return array.toNestedLists();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, plain(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        return value;
    }

    private static List<Object> normalizeAll(Collection<?> items, String path) {
        List<Object> out = new ArrayList<>(items.size());
        int i = 0;
        for (Object item : items) {
            out.add(normalize(item, path + "[" + i++ + "]"));
        }
        return Collections.unmodifiableList(out);
    }
}
