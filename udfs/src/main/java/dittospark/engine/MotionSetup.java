package dittospark.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.motion.ConditionParts;
import dittospark.motion.Emotion;
import dittospark.motion.FadeType;
import dittospark.motion.FrameControl;
import dittospark.motion.MotionKey;
import dittospark.motion.MotionSettings;
import dittospark.motion.MotionStitchSettings;
import dittospark.video.SourceKind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The motion stages' settings, read from a render's merged settings and the model config. */
final class MotionSetup {
    private MotionSetup() {
    }

    static MotionSettings motion(RenderSettings s) {
        JsonNode dim = s.node("fix_kp_cond_dim");
        JsonNode range = s.node("v_min_max_for_clip");
        return new MotionSettings(s.integer("overlap_v2"), s.integer("smo_k_d"), s.integer("fix_kp_cond"),
                dim == null ? null : new int[] {dim.get(0).asInt(), dim.get(1).asInt()},
                range == null ? null : rows(range));
    }

    static ConditionParts parts(JsonNode audio2motion, RenderSettings s) {
        return new ConditionParts(flag(audio2motion, "use_emo"), flag(audio2motion, "use_eye_open"),
                flag(audio2motion, "use_eye_ball"), flag(audio2motion, "use_sc"), s.flag("eye_f0_mode"));
    }

    private static boolean flag(JsonNode cfg, String name) {
        JsonNode v = cfg == null ? null : cfg.get(name);
        return v == null || v.isNull() || (v.isBoolean() ? v.asBoolean() : v.asInt() != 0);
    }

    static Emotion emotion(RenderSettings s) throws RenderException {
        try {
            return Emotion.fromJson(s.node("emo"));
        } catch (IllegalArgumentException e) {
            throw new RenderException(ErrorKind.BAD_OPTION, "option 'emo': " + e.getMessage());
        }
    }

    static MotionStitchSettings stitch(RenderSettings s, SourceKind kind, int frames, long seed) throws RenderException {
        try {
            MotionStitchSettings.Builder b = MotionStitchSettings.builder()
                    .isImageFlag(kind == SourceKind.IMAGE)
                    .relativeD(s.flag("relative_d"))
                    .nD(frames)
                    .fadeType(FadeType.of(s.text("fade_type")))
                    .flagStitching(s.flag("flag_stitching"))
                    .fadeIn(s.integer("fade_in"))
                    .fadeOut(s.integer("fade_out"))
                    // random blink gaps are part of the seeded render, like the diffusion noise
                    .blinkRandom(new Random(seed));
            if (s.node("drive_eye") != null) {
                b.driveEye(s.flag("drive_eye"));
            }
            JsonNode keys = s.node("use_d_keys");
            if (keys != null && keys.isObject()) {
                Map<MotionKey, Double> weights = new EnumMap<>(MotionKey.class);
                keys.fields().forEachRemaining(e -> weights.put(MotionKey.of(e.getKey()), e.getValue().asDouble()));
                b.useDKeys(weights);
            } else if (keys != null) {
                b.useDKeys(MotionKey.setOf(keys));
            }
            JsonNode fadeKeys = s.node("fade_out_keys");
            if (fadeKeys != null) {
                b.fadeOutKeys(MotionKey.setOf(fadeKeys));
            }
            JsonNode blinks = s.node("delta_eye_arr");
            if (blinks != null) {
                b.deltaEyeArr(rows(blinks));
                JsonNode openN = s.node("delta_eye_open_n");
                if (openN != null && openN.isArray()) {
                    List<Integer> gaps = new ArrayList<>();
                    openN.forEach(g -> gaps.add(g.asInt()));
                    b.deltaEyeOpenN(gaps);
                } else if (openN != null) {
                    b.deltaEyeOpenN(openN.asInt());
                }
            }
            JsonNode overall = s.node("overall_ctrl_info");
            if (overall != null) {
                b.overallCtrlInfo(FrameControl.fromJson(overall));
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new RenderException(ErrorKind.BAD_OPTION, e.getMessage());
        }
    }

    /** The {@code ctrl} option: frame number to that frame's control. */
    static Map<Integer, FrameControl> perFrame(RenderSettings s) {
        Map<Integer, FrameControl> out = new HashMap<>();
        JsonNode ctrl = s.node("ctrl");
        if (ctrl != null) {
            Iterator<Map.Entry<String, JsonNode>> frames = ctrl.fields();
            while (frames.hasNext()) {
                Map.Entry<String, JsonNode> f = frames.next();
                out.put(Integer.parseInt(f.getKey()), FrameControl.fromJson(f.getValue()));
            }
        }
        return out;
    }

    private static float[][] rows(JsonNode array) {
        float[][] out = new float[array.size()][];
        for (int r = 0; r < out.length; r++) {
            JsonNode row = array.get(r);
            out[r] = new float[row.size()];
            for (int c = 0; c < out[r].length; c++) {
                out[r][c] = (float) row.get(c).asDouble();
            }
        }
        return out;
    }
}
