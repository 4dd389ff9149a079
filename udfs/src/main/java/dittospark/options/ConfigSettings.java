package dittospark.options;

import java.util.List;

/** The {@code default_kwargs} entries the engine reads that rows cannot set. */
public final class ConfigSettings {
    /** The motion features a {@code fix_kp_cond} restart copies from the source, as [from, to). */
    public static final ConfigSetting FIX_KP_COND_DIM = new ConfigSetting("fix_kp_cond_dim");
    /** Per-feature bounds the generated motion is clipped to. */
    public static final ConfigSetting V_MIN_MAX_FOR_CLIP = new ConfigSetting("v_min_max_for_clip");
    /** The motion keys driven by the audio, a list or a map of key to weight. */
    public static final ConfigSetting USE_D_KEYS = new ConfigSetting("use_d_keys");
    /** The motion keys a fade-out blends. */
    public static final ConfigSetting FADE_OUT_KEYS = new ConfigSetting("fade_out_keys");
    /** Eye rows of one blink, which {@code drive_eye} and {@code delta_eye_open_n} schedule. */
    public static final ConfigSetting DELTA_EYE_ARR = new ConfigSetting("delta_eye_arr");
    /** The control every frame falls back to where a row's {@code ctrl} leaves a value out. */
    public static final ConfigSetting OVERALL_CTRL_INFO = new ConfigSetting("overall_ctrl_info");

    public static final List<ConfigSetting> ALL = List.of(FIX_KP_COND_DIM, V_MIN_MAX_FOR_CLIP, USE_D_KEYS,
            FADE_OUT_KEYS, DELTA_EYE_ARR, OVERALL_CTRL_INFO);

    private ConfigSettings() {
    }
}
