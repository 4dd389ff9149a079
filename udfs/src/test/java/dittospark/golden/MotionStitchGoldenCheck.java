package dittospark.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.motion.FadeType;
import dittospark.motion.FrameControl;
import dittospark.motion.MotionInfo;
import dittospark.motion.MotionKey;
import dittospark.motion.MotionStitch;
import dittospark.motion.MotionStitchSettings;
import dittospark.motion.StitchedKeypoints;
import org.junit.jupiter.api.DynamicTest;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.StreamSupport;
import java.util.stream.Stream;

import static dittospark.golden.GoldenFiles.toDouble;

/**
 * motion_stitch.json: every option set, frames applied in order with the stitching network as
 * identity; x_s and x_d per frame within 1e-5 relative.
 */
final class MotionStitchGoldenCheck extends SingleFileCheck {

    MotionStitchGoldenCheck() {
        super("motion_stitch.json");
    }

    @Override
    public Stream<DynamicTest> tests(Path goldenDir) {
        JsonNode root = root();
        return StreamSupport.stream(root.get("cases").spliterator(), false).map(c -> DynamicTest.dynamicTest(
                c.get("name").asText() + " (1e-5 rel)", () -> check(root, c)));
    }

    private static void check(JsonNode root, JsonNode c) {
        MotionStitchSettings settings = settings(root, c.get("setup"));
        JsonNode frames = c.get("frames");
        MotionInfo imageSource = MotionJson.info(root.get("source_info"));
        MotionInfo setupSource = settings.isImageFlag() ? imageSource : sourceOf(frames.get(0), imageSource);
        MotionStitch stitch = MotionStitch.setup(settings, setupSource, (kpSource, kpDriving) -> kpDriving);
        for (int f = 0; f < frames.size(); f++) {
            JsonNode frame = frames.get(f);
            StitchedKeypoints kp = stitch.apply(sourceOf(frame, imageSource), MotionJson.info(frame.get("x_d_info")), f,
                    FrameControl.fromJson(frame.get("ctrl")));
            GoldenFiles.assertClose("frame " + f + " x_s", toDouble(kp.source()), GoldenFiles.flat(frame.get("x_s")));
            GoldenFiles.assertClose("frame " + f + " x_d", toDouble(kp.driving()), GoldenFiles.flat(frame.get("x_d")));
        }
    }

    private static MotionInfo sourceOf(JsonNode frame, MotionInfo imageSource) {
        JsonNode own = frame.get("x_s_info");
        return own == null || own.isNull() ? imageSource : MotionJson.info(own);
    }

    private static MotionStitchSettings settings(JsonNode root, JsonNode setup) {
        MotionStitchSettings.Builder b = MotionStitchSettings.builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = setup.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "is_image_flag" -> b.isImageFlag(v.asBoolean());
                case "relative_d" -> b.relativeD(v.asBoolean());
                case "drive_eye" -> b.driveEye(v.asBoolean());
                case "flag_stitching" -> b.flagStitching(v.asBoolean());
                case "N_d" -> b.nD(v.asInt());
                case "fade_type" -> b.fadeType(FadeType.of(v.asText()));
                case "fade_out_keys" -> b.fadeOutKeys(MotionKey.setOf(v));
                case "delta_eye_open_n" -> {
                    if (v.isArray()) {
                        b.deltaEyeOpenN(StreamSupport.stream(v.spliterator(), false).map(JsonNode::asInt).toList());
                    } else {
                        b.deltaEyeOpenN(v.asInt());
                    }
                }
                case "delta_eye_arr" -> b.deltaEyeArr(rows(v.isBoolean() ? root.get("delta_eye_arr") : v));
                case "use_d_keys" -> {
                    if (v.isObject()) {
                        Map<MotionKey, Double> weights = new EnumMap<>(MotionKey.class);
                        v.fields().forEachRemaining(w -> weights.put(MotionKey.of(w.getKey()), w.getValue().asDouble()));
                        b.useDKeys(weights);
                    } else {
                        b.useDKeys(MotionKey.setOf(v));
                    }
                }
                case "overall_ctrl_info" -> b.overallCtrlInfo(FrameControl.fromJson(v));
                case "ch_info_scale" -> b.chInfoScale(GoldenFiles.flat(v)[0]);
                default -> throw new AssertionError("setup option '" + e.getKey() + "' is not supported by the check");
            }
        }
        return b.build();
    }

    private static float[][] rows(JsonNode rows) {
        float[][] out = new float[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = MotionJson.floats(rows.get(i));
        }
        return out;
    }
}
