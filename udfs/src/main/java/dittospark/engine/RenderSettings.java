package dittospark.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * The settings of one render: the reference's own defaults, overridden by the model config's
 * {@code default_kwargs}, overridden by the row's options.
 */
final class RenderSettings {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Defaults of the reference's setup arguments, for configs that leave a name out. */
    private static final String BUILT_IN = """
            {"emo": 4, "sampling_timesteps": 50, "overlap_v2": 10, "smo_k_d": 3, "smo_k_s": 13,
             "max_size": 1920, "template_n_frames": -1, "crop_scale": 2.3, "crop_vx_ratio": 0,
             "crop_vy_ratio": -0.125, "crop_flag_do_rot": true, "fix_kp_cond": 0, "drive_eye": null,
             "delta_eye_open_n": 0, "eye_f0_mode": false, "relative_d": true, "flag_stitching": true,
             "fade_in": -1, "fade_out": -1, "fade_type": "", "ctrl": {}, "blend_mode": "blend",
             "blend_alpha": 1.0, "motion_frames": 0, "audio_pad_front_s": 0, "audio_pad_back_s": 0}
            """;

    private final ObjectNode values;

    private RenderSettings(ObjectNode values) {
        this.values = values;
    }

    static RenderSettings of(JsonNode configDefaults, RenderOptions options) {
        ObjectNode merged;
        try {
            merged = (ObjectNode) JSON.readTree(BUILT_IN);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (configDefaults != null && configDefaults.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = configDefaults.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                merged.set(f.getKey(), f.getValue());
            }
        }
        options.values().forEach(merged::set);
        return new RenderSettings(merged);
    }

    /** The value, or null when neither the options, the config nor the reference define it. */
    JsonNode node(String name) {
        JsonNode v = values.get(name);
        return v == null || v.isNull() ? null : v;
    }

    int integer(String name) {
        return required(name).asInt();
    }

    double number(String name) {
        return required(name).asDouble();
    }

    boolean flag(String name) {
        JsonNode v = required(name);
        return v.isBoolean() ? v.asBoolean() : v.asInt() != 0;
    }

    String text(String name) {
        return required(name).asText();
    }

    private JsonNode required(String name) {
        JsonNode v = node(name);
        if (v == null) {
            throw new IllegalStateException("setting '" + name + "' has no value");
        }
        return v;
    }
}
