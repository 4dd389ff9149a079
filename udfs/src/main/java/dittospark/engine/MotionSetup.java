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
import dittospark.options.Options;
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
        return new MotionSettings(s.get(Options.OVERLAP_V2), s.get(Options.SMO_K_D), s.get(Options.FIX_KP_COND),
                s.find(Options.FIX_KP_COND_DIM).map(dim -> new int[] {dim.get(0).asInt(), dim.get(1).asInt()})
                        .orElse(null),
                s.find(Options.V_MIN_MAX_FOR_CLIP).map(MotionSetup::rows).orElse(null));
    }

    static ConditionParts parts(JsonNode audio2motion, RenderSettings s) {
        return new ConditionParts(flag(audio2motion, "use_emo"), flag(audio2motion, "use_eye_open"),
                flag(audio2motion, "use_eye_ball"), flag(audio2motion, "use_sc"), s.get(Options.EYE_F0_MODE));
    }

    private static boolean flag(JsonNode cfg, String name) {
        JsonNode v = cfg == null ? null : cfg.get(name);
        return v == null || v.isNull() || (v.isBoolean() ? v.asBoolean() : v.asInt() != 0);
    }

    static Emotion emotion(RenderSettings s) throws RenderException {
        try {
            return Emotion.fromJson(s.get(Options.EMO));
        } catch (IllegalArgumentException e) {
            throw new RenderException(ErrorKind.BAD_OPTION, "option 'emo': " + e.getMessage());
        }
    }

    /** {@code otherScale}: the scale of the avatar whose statistics drive this one ({@code ch_info}), or null. */
    static MotionStitchSettings stitch(RenderSettings s, SourceKind kind, int frames, long seed, Double otherScale)
            throws RenderException {
        try {
            MotionStitchSettings.Builder b = MotionStitchSettings.builder()
                    .isImageFlag(kind == SourceKind.IMAGE)
                    .relativeD(s.get(Options.RELATIVE_D))
                    .nD(frames)
                    .fadeType(FadeType.of(s.get(Options.FADE_TYPE)))
                    .flagStitching(s.get(Options.FLAG_STITCHING))
                    .fadeIn(s.get(Options.FADE_IN))
                    .fadeOut(s.get(Options.FADE_OUT))
                    // random blink gaps are part of the seeded render, like the diffusion noise
                    .blinkRandom(new Random(seed));
            s.find(Options.DRIVE_EYE).ifPresent(b::driveEye);
            if (otherScale != null) {
                b.chInfoScale(otherScale);
            }
            JsonNode keys = s.find(Options.USE_D_KEYS).orElse(null);
            if (keys != null && keys.isObject()) {
                Map<MotionKey, Double> weights = new EnumMap<>(MotionKey.class);
                keys.fields().forEachRemaining(e -> weights.put(MotionKey.of(e.getKey()), e.getValue().asDouble()));
                b.useDKeys(weights);
            } else if (keys != null) {
                b.useDKeys(MotionKey.setOf(keys));
            }
            s.find(Options.FADE_OUT_KEYS).ifPresent(fadeKeys -> b.fadeOutKeys(MotionKey.setOf(fadeKeys)));
            JsonNode blinks = s.find(Options.DELTA_EYE_ARR).orElse(null);
            if (blinks != null) {
                b.deltaEyeArr(rows(blinks));
                JsonNode openN = s.find(Options.DELTA_EYE_OPEN_N).orElse(null);
                if (openN != null && openN.isArray()) {
                    List<Integer> gaps = new ArrayList<>();
                    openN.forEach(g -> gaps.add(g.asInt()));
                    b.deltaEyeOpenN(gaps);
                } else if (openN != null) {
                    b.deltaEyeOpenN(openN.asInt());
                }
            }
            s.find(Options.OVERALL_CTRL_INFO)
                    .ifPresent(overall -> b.overallCtrlInfo(FrameControl.fromJson(overall)));
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new RenderException(ErrorKind.BAD_OPTION, e.getMessage());
        }
    }

    /**
     * The {@code ctrl} option: frame number to that frame's control, from an object of frame numbers or
     * a list of controls from frame 0 on (frames past its end have none).
     */
    static Map<Integer, FrameControl> perFrame(RenderSettings s) {
        Map<Integer, FrameControl> out = new HashMap<>();
        JsonNode ctrl = s.find(Options.CTRL).orElse(null);
        if (ctrl != null && ctrl.isArray()) {
            for (int i = 0; i < ctrl.size(); i++) {
                out.put(i, FrameControl.fromJson(ctrl.get(i)));
            }
        } else if (ctrl != null) {
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
