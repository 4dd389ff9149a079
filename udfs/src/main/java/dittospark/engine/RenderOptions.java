package dittospark.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A row's render options, validated: names follow the reference's setup keyword arguments and
 * override the model config's {@code default_kwargs}. Values are kept as JSON nodes so that the
 * structured options ({@code emo}, {@code ctrl}, {@code delta_eye_open_n}) pass through unchanged.
 */
public final class RenderOptions {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final Set<String> BLEND_MODES = Set.of("blend", "strong", "replace", "weak", "custom");
    public static final Set<String> FADE_TYPES = Set.of("", "d0", "s");
    public static final Set<String> CTRL_KEYS = Set.of(
            "delta_pitch", "delta_yaw", "delta_roll", "alpha_pitch", "alpha_yaw", "alpha_roll",
            "delta_exp", "fade_alpha", "vad_alpha");
    /** Head rotation offsets are degrees; a turn past half a revolution is a typo, not an intent. */
    static final double MAX_DELTA_DEGREES = 180;
    /** Bounds of the pose multipliers and the expression offset: far past any useful motion, yet finite. */
    static final double MAX_ALPHA = 10;
    static final double MAX_DELTA_EXP = 10;
    /** Bound of one emotion weight (the model was trained on one-hot rows). */
    static final double MAX_EMO_WEIGHT = 10;

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

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** These options, plus {@code name = value} where they do not set {@code name} themselves. */
    public RenderOptions orElse(String name, JsonNode value) throws RenderException {
        if (has(name)) {
            return this;
        }
        validate(name, value);
        Map<String, JsonNode> more = new LinkedHashMap<>(values);
        more.put(name, value);
        return new RenderOptions(more);
    }

    public JsonNode get(String name) {
        return values.get(name);
    }

    private static void validate(String name, JsonNode v) throws RenderException {
        switch (name) {
            case "emo" -> validateEmo(v);
            case "sampling_timesteps" -> intIn(name, v, 1, 1000);
            case "overlap_v2" -> intIn(name, v, 0, 79);
            case "smo_k_d", "smo_k_s" -> intIn(name, v, 0, 1000);
            case "max_size" -> intIn(name, v, 0, 16384);
            case "template_n_frames", "fade_in", "fade_out" -> intIn(name, v, -1, 1_000_000);
            case "motion_frames" -> intIn(name, v, 0, 1_000_000);
            case "fix_kp_cond" -> intIn(name, v, 0, 1_000_000);
            case "crop_scale" -> numberIn(name, v, 0.1, 10);
            case "crop_vx_ratio", "crop_vy_ratio" -> numberIn(name, v, -1, 1);
            case "blend_alpha" -> numberIn(name, v, 0, 1);
            case "audio_pad_front_s", "audio_pad_back_s" -> numberIn(name, v, 0, 60);
            case "crop_flag_do_rot", "eye_f0_mode", "relative_d", "flag_stitching" -> bool(name, v);
            case "drive_eye" -> {
                if (!v.isNull()) {
                    bool(name, v);
                }
            }
            case "delta_eye_open_n" -> validateOpenN(v);
            case "fade_type" -> oneOf(name, v, FADE_TYPES);
            case "blend_mode" -> oneOf(name, v, BLEND_MODES);
            case "ctrl" -> validateCtrl(v);
            default -> throw new RenderException(ErrorKind.BAD_OPTION, "unknown option '" + name + "'");
        }
    }

    private static void validateEmo(JsonNode v) throws RenderException {
        if (v.isIntegralNumber()) {
            intIn("emo", v, 0, 7);
            return;
        }
        if (!v.isArray() || v.isEmpty()) {
            throw new RenderException(ErrorKind.BAD_OPTION,
                    "option 'emo' must be a label 0..7, a list of labels, a list of label lists, or rows of 8 numbers");
        }
        for (JsonNode item : v) {
            if (item.isIntegralNumber()) {
                intIn("emo", item, 0, 7);
            } else if (item.isArray() && !item.isEmpty() && allIntegral(item)) {
                // an all-integer list is a frame's labels; a row of weights needs a fractional value
                for (JsonNode label : item) {
                    intIn("emo", label, 0, 7);
                }
            } else if (item.isArray() && item.size() == 8 && allNumbers(item)) {
                for (JsonNode weight : item) {
                    numberIn("emo", weight, 0, MAX_EMO_WEIGHT);
                }
            } else {
                throw new RenderException(ErrorKind.BAD_OPTION, "option 'emo' has an entry that is neither a label, a label list nor a row of 8 numbers: " + item);
            }
        }
    }

    private static void validateOpenN(JsonNode v) throws RenderException {
        if (v.isArray()) {
            if (v.isEmpty()) {
                throw new RenderException(ErrorKind.BAD_OPTION, "option 'delta_eye_open_n' must not be an empty list");
            }
            for (JsonNode gap : v) {
                intIn("delta_eye_open_n", gap, 1, 1_000_000);
            }
        } else {
            intIn("delta_eye_open_n", v, -1, 1_000_000);
        }
    }

    private static void validateCtrl(JsonNode v) throws RenderException {
        if (!v.isObject()) {
            throw new RenderException(ErrorKind.BAD_OPTION, "option 'ctrl' must map frame numbers to control objects");
        }
        Iterator<Map.Entry<String, JsonNode>> frames = v.fields();
        while (frames.hasNext()) {
            Map.Entry<String, JsonNode> frame = frames.next();
            try {
                if (Integer.parseInt(frame.getKey()) < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new RenderException(ErrorKind.BAD_OPTION, "option 'ctrl' key '" + frame.getKey() + "' is not a frame number");
            }
            if (!frame.getValue().isObject()) {
                throw new RenderException(ErrorKind.BAD_OPTION, "option 'ctrl' frame " + frame.getKey() + " must be an object");
            }
            Iterator<Map.Entry<String, JsonNode>> keys = frame.getValue().fields();
            while (keys.hasNext()) {
                Map.Entry<String, JsonNode> key = keys.next();
                String what = "ctrl[" + frame.getKey() + "]." + key.getKey();
                if (!CTRL_KEYS.contains(key.getKey())) {
                    throw new RenderException(ErrorKind.BAD_OPTION, "option 'ctrl' has unknown control '" + key.getKey()
                            + "' at frame " + frame.getKey() + "; known: " + CTRL_KEYS);
                }
                JsonNode value = key.getValue();
                switch (key.getKey()) {
                    case "fade_alpha", "vad_alpha" -> numberIn(what, value, 0, 1);
                    case "delta_pitch", "delta_yaw", "delta_roll" ->
                            numberIn(what, value, -MAX_DELTA_DEGREES, MAX_DELTA_DEGREES);
                    case "delta_exp" -> numberIn(what, value, -MAX_DELTA_EXP, MAX_DELTA_EXP);
                    default -> numberIn(what, value, -MAX_ALPHA, MAX_ALPHA);
                }
            }
        }
    }

    private static boolean allNumbers(JsonNode array) {
        for (JsonNode x : array) {
            if (!x.isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static boolean allIntegral(JsonNode array) {
        for (JsonNode x : array) {
            if (!x.isIntegralNumber()) {
                return false;
            }
        }
        return true;
    }

    private static void intIn(String name, JsonNode v, long min, long max) throws RenderException {
        // a huge integer is a BigInteger node whose asLong() wraps around into range
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            throw new RenderException(ErrorKind.BAD_OPTION,
                    "option '" + name + "' must be an integer in [" + min + ", " + max + "], got " + v);
        }
    }

    /** Rejects NaN and the infinities that JSON numbers beyond double's range parse to. */
    private static void numberIn(String name, JsonNode v, double min, double max) throws RenderException {
        if (!v.isNumber() || !Double.isFinite(v.asDouble()) || !(v.asDouble() >= min && v.asDouble() <= max)) {
            throw new RenderException(ErrorKind.BAD_OPTION,
                    "option '" + name + "' must be a number in [" + min + ", " + max + "], got " + v);
        }
    }

    private static void bool(String name, JsonNode v) throws RenderException {
        if (!v.isBoolean()) {
            throw new RenderException(ErrorKind.BAD_OPTION, "option '" + name + "' must be true or false, got " + v);
        }
    }

    private static void oneOf(String name, JsonNode v, Set<String> allowed) throws RenderException {
        if (!v.isTextual() || !allowed.contains(v.asText())) {
            throw new RenderException(ErrorKind.BAD_OPTION, "option '" + name + "' must be one of " + allowed + ", got " + v);
        }
    }
}
