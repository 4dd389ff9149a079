package dittospark.models.demo;

import dittospark.models.ModelContracts;
import dittospark.models.ModelSpec;
import dittospark.onnx.OnnxGraph;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The demo model set: one small procedural ONNX file per release model, with the release's
 * input/output contract, plus a config, laid out like the release folder. Rendering a portrait with
 * it shows a mouth that opens with the loudness of the speech (see models/README.md).
 */
public final class DemoModelSet {
    private DemoModelSet() {
    }

    /** Writes {@code dir/ditto_onnx/*.onnx} and the config under {@code dir/ditto_cfg}. */
    public static void write(Path dir) throws IOException {
        ModelContracts contracts = ModelContracts.release();
        Map<String, Function<ModelSpec, OnnxGraph>> builders = builders(contracts);
        for (ModelSpec spec : contracts.models()) {
            Function<ModelSpec, OnnxGraph> builder = builders.get(spec.role());
            if (builder == null) {
                throw new IllegalStateException("the demo set has no model for role " + spec.role());
            }
            builder.apply(spec).write(dir.resolve(spec.file()));
        }
        DemoConfig.write(dir, contracts);
    }

    /** The files {@link #write} creates, models first. */
    public static List<Path> files(Path dir) {
        ModelContracts contracts = ModelContracts.release();
        List<Path> files = new ArrayList<>();
        contracts.models().forEach(m -> files.add(dir.resolve(m.file())));
        files.add(dir.resolve(DemoConfig.file(contracts)));
        return files;
    }

    /** Build entry point: writes the set into the folder given as the only argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DemoModelSet DIR");
        }
        write(Path.of(args[0]));
    }

    private static Map<String, Function<ModelSpec, OnnxGraph>> builders(ModelContracts contracts) {
        VolumeModels volume = new VolumeModels(contracts);
        SpeechModels speech = new SpeechModels(contracts);
        return Map.ofEntries(
                Map.entry("hubert", speech::hubert),
                Map.entry("lmdm_v0.4_hubert", speech::lmdm),
                Map.entry("motion_extractor", FaceModels::motionExtractor),
                Map.entry("appearance_extractor", spec -> volume.appearanceExtractor()),
                Map.entry("warp_network_ori", volume::warpNetwork),
                Map.entry("decoder", volume::decoder),
                Map.entry("stitch_network", FaceModels::stitchNetwork),
                Map.entry("insightface_det", FaceModels::insightfaceDet),
                Map.entry("landmark106", FaceModels::landmark106),
                Map.entry("landmark203", FaceModels::landmark203),
                Map.entry("blaze_face", FaceModels::blazeFace),
                Map.entry("face_mesh", FaceModels::faceMesh));
    }
}
