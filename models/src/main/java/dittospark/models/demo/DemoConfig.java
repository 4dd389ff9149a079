package dittospark.models.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dittospark.models.ModelContracts;
import dittospark.models.ModelSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dittospark.models.demo.ContractGraph.dim;

/**
 * The demo set's config: the release config's structure (base_cfg, audio2motion_cfg,
 * default_kwargs) with every model_path naming the demo's ONNX file, the offline defaults, and a
 * face_detector entry that sends face location to the cascade locator.
 */
final class DemoConfig {
    static final double CROP_SCALE = 2.3;
    static final double CROP_VY_RATIO = -0.125;
    /** The LMDM's condition width axis, which the release fixes to the condition layout's width. */
    static final String CONDITION_AXIS = "C";
    private static final String LMDM = "lmdm_v0.4_hubert";
    private static final int EMOTIONS = 8;
    private static final int EYE_OPEN = 2;
    private static final int EYE_BALL = 6;

    private DemoConfig() {
    }

    /** Condition width: [audio | emo 8 | eye_open 2 | eye_ball 6 | sc (source keypoints)]. */
    static int audioFeatDim(ModelContracts contracts) {
        int audio = dim(contracts.model("hubert").outputs().get(0), 1);
        ModelSpec extractor = contracts.model("motion_extractor");
        int sourceKeypoints = dim(extractor.outputs().get(extractor.outputs().size() - 1), 1);
        return audio + EMOTIONS + EYE_OPEN + EYE_BALL + sourceKeypoints;
    }

    /** The config's path in the model folder: the contract's JSON config name. */
    static String file(ModelContracts contracts) {
        return contracts.configFiles().stream().filter(f -> f.endsWith(".json")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the contracts name no JSON config"));
    }

    static void write(Path dir, ModelContracts contracts) throws IOException {
        Path file = dir.resolve(file(contracts));
        Files.createDirectories(file.getParent());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), json(contracts));
    }

    static ObjectNode json(ModelContracts contracts) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ObjectNode base = root.putObject("base_cfg");
        ObjectNode landmark478 = base.putObject("landmark478_cfg");
        for (ModelSpec m : contracts.models()) {
            switch (m.role()) {
                case LMDM -> { }
                case "blaze_face", "face_mesh" -> landmark478.put(m.role() + "_model_path", m.file());
                case "warp_network_ori" -> base.putObject("warp_network_cfg").put("model_path", m.file());
                default -> base.putObject(m.role() + "_cfg").put("model_path", m.file());
            }
        }
        ModelSpec lmdm = contracts.model(LMDM);
        root.putObject("audio2motion_cfg")
                .put("model_path", lmdm.file())
                .put("motion_feat_dim", dim(lmdm.input("x"), 2))
                .put("audio_feat_dim", audioFeatDim(contracts))
                .put("seq_frames", dim(lmdm.input("x"), 1))
                .put("use_emo", true)
                .put("use_sc", true)
                .put("use_eye_open", true)
                .put("use_eye_ball", true)
                .put("w2f_type", "hubert");
        ObjectNode defaults = root.putObject("default_kwargs");
        defaults.put("max_size", 1920)
                .put("template_n_frames", -1)
                .put("crop_scale", CROP_SCALE)
                .put("crop_vx_ratio", 0.0)
                .put("crop_vy_ratio", CROP_VY_RATIO)
                .put("crop_flag_do_rot", true)
                .put("smo_k_s", 13)
                .put("emo", 4)
                .put("eye_f0_mode", false)
                .put("seq_frames", dim(lmdm.input("x"), 1))
                .put("overlap_v2", 10)
                .put("sampling_timesteps", 50)
                .put("fix_kp_cond", 0)
                .put("smo_k_d", 3)
                .put("relative_d", true)
                .put("flag_stitching", true)
                .put("online_mode", false);
        // the demo detector finds no face on purpose: the engine locates it with OpenCV's Haar cascade
        root.put("face_detector", "opencv_haar");
        return root;
    }
}
