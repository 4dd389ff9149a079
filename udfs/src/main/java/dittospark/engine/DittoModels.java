package dittospark.engine;

import dittospark.audio.SpeechEncoder;
import dittospark.errors.RenderException;
import dittospark.face.MediaPipeModels;
import dittospark.models.FaceFrontend;
import dittospark.models.ModelContracts;
import dittospark.motion.Lmdm;
import dittospark.motion.MotionInfo;
import dittospark.motion.Stitcher;
import dittospark.runtime.ModelSet;
import dittospark.runtime.Tensor;

import java.util.Map;

/**
 * The release's models as typed calls: plain arrays in, plain arrays out, each call one run of the
 * shared session. Pre- and post-processing stay in the codecs; this class only shapes tensors.
 */
final class DittoModels implements MediaPipeModels {
    static final int SEQ_FRAMES = 80;
    static final int MOTION_DIM = 265;

    private final ModelSet models;

    DittoModels(ModelSet models) {
        this.models = models;
    }

    private Map<String, Tensor> run(String role, Map<String, Tensor> inputs) throws RenderException {
        return models.session(role).run(inputs);
    }

    /**
     * Opens every session a render with {@code frontend} uses now, so that a broken model fails the
     * render before any work; the other front end's models are neither opened nor needed.
     */
    void loadAll(FaceFrontend frontend) throws RenderException {
        for (var spec : ModelContracts.release().models(frontend)) {
            models.session(spec.role());
        }
    }

    /** The LMDM's condition width C, read from the model (dynamic axes report -1: use the given default). */
    long conditionWidth(long fallback) throws RenderException {
        return models.session("lmdm_v0.4_hubert").inputWidth("cond", 2, fallback);
    }

    float[][] scrfd(float[] blob) throws RenderException {
        Map<String, Tensor> out = run("insightface_det", Map.of("image", Tensor.ofFloats(blob, 1, 3, 512, 512)));
        String[] keys = {"score8", "score16", "score32", "bbox8", "bbox16", "bbox32", "kps8", "kps16", "kps32"};
        float[][] result = new float[keys.length][];
        for (int i = 0; i < keys.length; i++) {
            result[i] = out.get(keys[i]).floats();
        }
        return result;
    }

    float[] landmark106(float[] blob) throws RenderException {
        return run("landmark106", Map.of("data", Tensor.ofFloats(blob, 1, 3, 192, 192))).get("fc1").floats();
    }

    float[] landmark203(float[] blob) throws RenderException {
        return run("landmark203", Map.of("input", Tensor.ofFloats(blob, 1, 3, 224, 224))).get("landmarks").floats();
    }

    @Override
    public float[][] blazeFace(float[] nhwc) throws RenderException {
        Map<String, Tensor> out = run("blaze_face", Map.of("input", Tensor.ofFloats(nhwc, 1, 128, 128, 3)));
        return new float[][] {out.get("regressors").floats(), out.get("classificators").floats()};
    }

    @Override
    public float[] faceMesh(float[] nhwc) throws RenderException {
        return run("face_mesh", Map.of("input", Tensor.ofFloats(nhwc, 1, 256, 256, 3))).get("Identity").floats();
    }

    MotionInfo motion(float[] crop256) throws RenderException {
        Map<String, Tensor> out = run("motion_extractor", Map.of("image", Tensor.ofFloats(crop256, 1, 3, 256, 256)));
        return MotionInfo.of(out.get("scale").floats()[0], out.get("pitch").floats(), out.get("yaw").floats(),
                out.get("roll").floats(), out.get("t").floats(), out.get("exp").floats(), out.get("kp").floats());
    }

    /** The appearance volume f_s [32*16*64*64]. */
    float[] appearance(float[] crop256) throws RenderException {
        return run("appearance_extractor", Map.of("image", Tensor.ofFloats(crop256, 1, 3, 256, 256))).get("pred").floats();
    }

    /** The warped feature [256*64*64]. */
    float[] warp(float[] appearance, float[] kpSource, float[] kpDriving) throws RenderException {
        return run("warp_network_ori", Map.of(
                "feature_3d", Tensor.ofFloats(appearance, 1, 32, 16, 64, 64),
                "kp_source", Tensor.ofFloats(kpSource, 1, 21, 3),
                "kp_driving", Tensor.ofFloats(kpDriving, 1, 21, 3))).get("out").floats();
    }

    /** The decoded face [3*512*512], RGB planes. */
    float[] decode(float[] feature) throws RenderException {
        return run("decoder", Map.of("feature", Tensor.ofFloats(feature, 1, 256, 64, 64))).get("output").floats();
    }

    /** The stitching network as the motion stitch calls it; failures surface as unchecked. */
    Stitcher stitcher() {
        return (kpSource, kpDriving) -> unchecked(() -> run("stitch_network", Map.of(
                "kp_source", Tensor.ofFloats(kpSource, 1, 21, 3),
                "kp_driving", Tensor.ofFloats(kpDriving, 1, 21, 3))).get("out").floats());
    }

    SpeechEncoder speechEncoder() {
        return chunk -> unchecked(() -> {
            Tensor features = run("hubert", Map.of("input_values", Tensor.ofFloats(chunk, 1, chunk.length))).get("features");
            long[] shape = features.shape();
            int dim = (int) shape[shape.length - 1];
            float[] flat = features.floats();
            float[][] rows = new float[flat.length / dim][];
            for (int t = 0; t < rows.length; t++) {
                rows[t] = java.util.Arrays.copyOfRange(flat, t * dim, (t + 1) * dim);
            }
            return rows;
        });
    }

    Lmdm lmdm(int conditionWidth) {
        return (x, condFrame, cond, time) -> unchecked(() -> {
            Map<String, Tensor> out = run("lmdm_v0.4_hubert", Map.of(
                    "x", Tensor.ofFloats(x, 1, SEQ_FRAMES, MOTION_DIM),
                    "cond_frame", Tensor.ofFloats(condFrame, 1, MOTION_DIM),
                    "cond", Tensor.ofFloats(cond, 1, SEQ_FRAMES, conditionWidth),
                    "time_cond", Tensor.ofLongs(new long[] {time}, 1)));
            return new Lmdm.Prediction(out.get("pred_noise").floats(), out.get("x_start").floats());
        });
    }

    /** A model failure inside a numerics callback, carried out unchecked and unwrapped by the engine. */
    static final class ModelFailure extends RuntimeException {
        ModelFailure(RenderException cause) {
            super(cause.getMessage(), cause);
        }

        RenderException renderException() {
            return (RenderException) getCause();
        }
    }

    private interface ModelCall<T> {
        T call() throws RenderException;
    }

    private static <T> T unchecked(ModelCall<T> call) {
        try {
            return call.call();
        } catch (RenderException e) {
            throw new ModelFailure(e);
        }
    }
}
