package dittospark.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dittospark.errors.RenderException;
import dittospark.models.FaceFrontend;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The render options a row may set, in the order of the README's table. Names and built-in defaults
 * follow the reference's setup arguments; a model config's {@code default_kwargs} override the defaults
 * and a row's options override those.
 */
public final class Options {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MANY_FRAMES = 1_000_000;
    /** Columns of a generated motion row: scale, pitch, yaw, roll (66 bins each), t and exp. */
    private static final int MOTION_COLUMNS = 265;
    private static final int EXPRESSION_VALUES = 63;
    /** Motion values are bin logits and small offsets: a bound far past them that stays finite. */
    private static final double MOTION_BOUND = 10_000;

    public static final Option<JsonNode> EMO = json("emo", new EmotionCheck(), NODES.numberNode(4),
            "emotion: a label (0 Angry, 1 Disgust, 2 Fear, 3 Happy, 4 Neutral, 5 Sad, 6 Surprise, 7 Contempt),"
                    + " a list of labels, per-frame label lists, or rows of 8 weights");
    public static final Option<Integer> SAMPLING_TIMESTEPS = integer("sampling_timesteps", 1, 1000, 50,
            "DDIM steps of the motion diffusion");
    public static final Option<Integer> OVERLAP_V2 = integer("overlap_v2", 0, 79, 10,
            "frames shared by consecutive 80-frame motion clips");
    public static final Option<Integer> SMO_K_D = integer("smo_k_d", 0, 1000, 3,
            "smoothing window over the driving motion, in frames");
    public static final Option<Integer> FIX_KP_COND = integer("fix_kp_cond", 0, MANY_FRAMES, 0,
            "every n-th clip restarts from the source's own motion (0: never)");
    public static final Option<JsonNode> FIX_KP_COND_DIM = json("fix_kp_cond_dim", new ColumnSpanCheck(MOTION_COLUMNS),
            NODES.nullNode(), "motion columns [from, to) that keep the last clip's motion across a fix_kp_cond restart");
    public static final Option<JsonNode> V_MIN_MAX_FOR_CLIP = json("v_min_max_for_clip",
            new NumberRowsCheck(2, 2, MOTION_COLUMNS, new NumberRange(-MOTION_BOUND, MOTION_BOUND), "two rows (minimum, maximum)"),
            NODES.nullNode(), "per-column bounds the generated motion is clipped to (null: none)");
    public static final Option<Boolean> ONLINE_MODE = flag("online_mode", false,
            "streaming motion as the reference's online pipeline makes it: clip by clip while the audio arrives,"
                    + " cross-faded only over new frames, no smoothing over the whole sequence");
    public static final Option<Integer> MAX_SIZE = integer("max_size", 0, 16384, 1920,
            "bound on the source's long side, in pixels (the output also stays within H.264 level 5.1)");
    public static final Option<Integer> TEMPLATE_N_FRAMES = integer("template_n_frames", -1, MANY_FRAMES, -1,
            "use only the first n frames of a video source (0 or less: all)");
    public static final Option<Integer> N_D = integer("N_d", -1, MANY_FRAMES, -1,
            "read at most n frames of a video source where template_n_frames does not say (0 or less: all)");
    public static final Option<Integer> SMO_K_S = integer("smo_k_s", 0, 1000, 13,
            "smoothing window over a video source's frames");
    public static final Option<Double> CROP_SCALE = number("crop_scale", 0.1, 10, 2.3,
            "size of the face crop relative to the face");
    public static final Option<Double> CROP_VX_RATIO = number("crop_vx_ratio", -1, 1, 0,
            "horizontal shift of the face crop, in crop sizes");
    public static final Option<Double> CROP_VY_RATIO = number("crop_vy_ratio", -1, 1, -0.125,
            "vertical shift of the face crop, in crop sizes");
    public static final Option<Boolean> CROP_FLAG_DO_ROT = flag("crop_flag_do_rot", true,
            "turn the face crop upright");
    public static final Option<FaceFrontend> FACE_FRONTEND = new Option<>("face_frontend",
            new OneOf(FaceFrontend.ids()), v -> FaceFrontend.of(v.asText()), NODES.textNode(FaceFrontend.REFERENCE.id()),
            "how the face and its crop are found: reference (SCRFD, 106 and 203 landmarks, as the release) or mediapipe"
                    + " (BlazeFace and Face Mesh only; insightface_det, landmark106 and landmark203 are not needed)");
    public static final Option<Boolean> DRIVE_EYE = new Option<>("drive_eye", new TrueOrFalse(true), Options::truth,
            NODES.nullNode(), "drive the eyes: they follow the driving motion, or blink with delta_eye_arr (null: for picture sources only)");
    public static final Option<JsonNode> DELTA_EYE_ARR = json("delta_eye_arr",
            new NumberRowsCheck(1, MANY_FRAMES, EXPRESSION_VALUES, new NumberRange(-10, 10), "a list of rows"),
            NODES.nullNode(), "expression offsets of one blink, a row per frame, which drive_eye and delta_eye_open_n"
                    + " schedule (null: the eyes follow the driving motion)");
    public static final Option<JsonNode> DELTA_EYE_OPEN_N = json("delta_eye_open_n", new BlinkGapsCheck(),
            NODES.numberNode(0), "frames between blinks: one gap, gaps in turn, 0 random gaps, -1 no blinks");
    public static final Option<Boolean> EYE_F0_MODE = flag("eye_f0_mode", false,
            "eye state from a video source's first frame");
    public static final Option<JsonNode> USE_D_KEYS = json("use_d_keys", new MotionKeysCheck(true, true),
            NODES.nullNode(), "motion keys that follow the driving motion, or keys to weights"
                    + " (null: exp, pitch, yaw, roll and t for a picture, exp for a video)");
    public static final Option<Boolean> RELATIVE_D = flag("relative_d", true,
            "motion relative to the first driving frame");
    public static final Option<Boolean> FLAG_STITCHING = flag("flag_stitching", true,
            "run the stitching network");
    public static final Option<Integer> FADE_IN = integer("fade_in", -1, MANY_FRAMES, -1,
            "frames fading in from the fade_type target (0 or less: none)");
    public static final Option<Integer> FADE_OUT = integer("fade_out", -1, MANY_FRAMES, -1,
            "frames fading out to the fade_type target (0 or less: none)");
    public static final Option<String> FADE_TYPE = new Option<>("fade_type", new OneOf(List.of("", "d0", "s")),
            JsonNode::asText, NODES.textNode(""), "fade target: the first driving frame (d0) or the source (s);"
                    + " as in the reference, no fade happens while it is empty");
    public static final Option<JsonNode> FADE_OUT_KEYS = json("fade_out_keys", new MotionKeysCheck(false, false),
            NODES.arrayNode().add("exp"), "motion keys a fade blends (a frame's own fade_out_keys control wins)");
    public static final Option<JsonNode> CTRL = json("ctrl", new FrameControlsCheck(), NODES.objectNode(),
            "per-frame head pose and expression control, e.g. {\"0\": {\"delta_yaw\": 10}} or [{}, {\"delta_yaw\": 10}]");
    public static final Option<JsonNode> OVERALL_CTRL_INFO = json("overall_ctrl_info", new ControlsCheck(),
            NODES.objectNode(), "controls of every frame, where its own ctrl leaves them out");
    public static final Option<String> CH_INFO = new Option<>("ch_info", new SourceUriCheck(), JsonNode::asText,
            NODES.nullNode(), "another source whose motion statistics drive this one: its scale rescales exp and"
                    + " pose, its first frame and eye state make the conditions");
    public static final Option<String> BLEND_MODE = new Option<>("blend_mode",
            new OneOf(List.of("blend", "strong", "replace", "weak", "custom")), JsonNode::asText,
            NODES.textNode("blend"),
            "put back: blend (reference feather), strong, replace, weak, custom (mask times blend_alpha)");
    public static final Option<Double> BLEND_ALPHA = number("blend_alpha", 0, 1, 1.0,
            "mask factor of the custom blend mode");
    public static final Option<Integer> MOTION_FRAMES = integer("motion_frames", 0, MANY_FRAMES, 0,
            "video sources: motion and appearance from the first n frames, put back into every frame (0: all)");
    public static final Option<Double> AUDIO_PAD_FRONT_S = number("audio_pad_front_s", 0, 60, 0,
            "seconds of silence added before the speech");
    public static final Option<Double> AUDIO_PAD_BACK_S = number("audio_pad_back_s", 0, 60, 0,
            "seconds of silence added after the speech");

    /** x264's speed presets, fastest first. */
    public static final List<String> X264_PRESETS = List.of("ultrafast", "superfast", "veryfast", "faster", "fast",
            "medium", "slow", "slower", "veryslow", "placebo");
    /**
     * veryfast by measurement on the bench's frames (README, "Encoder preset"): at crf 18 every preset
     * stays above 49 dB PSNR and 0.994 SSIM against the raw frames, and veryfast encodes two to three
     * times faster than medium with smaller files; the two faster presets write files two to five times
     * larger.
     */
    public static final Option<String> ENCODER_PRESET = new Option<>("encoder_preset", new OneOf(X264_PRESETS),
            JsonNode::asText, NODES.textNode("veryfast"), "x264 preset of the output at crf 18: veryfast encodes"
                    + " 2-3x faster than medium at the same visual quality (above 49 dB PSNR) and smaller size");

    public static final List<Option<?>> ALL = List.of(EMO, SAMPLING_TIMESTEPS, OVERLAP_V2, SMO_K_D, FIX_KP_COND,
            FIX_KP_COND_DIM, V_MIN_MAX_FOR_CLIP, ONLINE_MODE, MAX_SIZE, TEMPLATE_N_FRAMES, N_D, SMO_K_S, CROP_SCALE,
            CROP_VX_RATIO,
            CROP_VY_RATIO, CROP_FLAG_DO_ROT, FACE_FRONTEND, DRIVE_EYE, DELTA_EYE_ARR, DELTA_EYE_OPEN_N, EYE_F0_MODE, USE_D_KEYS,
            RELATIVE_D, FLAG_STITCHING, FADE_IN, FADE_OUT, FADE_TYPE, FADE_OUT_KEYS, CTRL, OVERALL_CTRL_INFO, CH_INFO,
            BLEND_MODE, BLEND_ALPHA, MOTION_FRAMES, AUDIO_PAD_FRONT_S, AUDIO_PAD_BACK_S,
            ENCODER_PRESET);

    private static final Map<String, Option<?>> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Option::name, Function.identity()));

    private Options() {
    }

    /** The option of this name, or a one-line {@code BAD_OPTION} listing the known names. */
    public static Option<?> require(String name) throws RenderException {
        Option<?> option = BY_NAME.get(name);
        if (option == null) {
            throw BadOption.because("unknown option '" + BadOption.oneLine(name) + "'; known: "
                    + ALL.stream().map(Option::name).collect(Collectors.joining(", ")));
        }
        return option;
    }

    private static Option<Integer> integer(String name, long min, long max, int builtIn, String doc) {
        return new Option<>(name, new IntegerRange(min, max), JsonNode::asInt, NODES.numberNode(builtIn), doc);
    }

    private static Option<Double> number(String name, double min, double max, double builtIn, String doc) {
        return new Option<>(name, new NumberRange(min, max), JsonNode::asDouble, NODES.numberNode(builtIn), doc);
    }

    private static Option<Boolean> flag(String name, boolean builtIn, String doc) {
        return new Option<>(name, new TrueOrFalse(false), Options::truth, NODES.booleanNode(builtIn), doc);
    }

    /** Structured options stay JSON: their own parsers ({@code Emotion}, {@code FrameControl}, blinks) read them. */
    private static Option<JsonNode> json(String name, ValueCheck check, JsonNode builtIn, String doc) {
        return new Option<>(name, check, Function.identity(), builtIn, doc);
    }

    /** Release configs are pickled Python, where a flag may be 0 or 1. */
    private static boolean truth(JsonNode v) {
        return v.isBoolean() ? v.asBoolean() : v.asInt() != 0;
    }
}
