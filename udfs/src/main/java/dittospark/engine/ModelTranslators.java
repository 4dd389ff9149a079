package dittospark.engine;

import dittospark.audio.OfflineFeatures;
import dittospark.motion.Lmdm;
import dittospark.motion.MotionInfo;
import dittospark.runtime.NativeTensor;
import dittospark.runtime.Translator;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The translator of each release model: which array of its codec goes into which input, in which
 * shape, and what is read back out. Arrays are the tensors flattened row-major.
 */
final class ModelTranslators {
    private static final String[] SCRFD_OUTPUTS = {"score8", "score16", "score32", "bbox8", "bbox16", "bbox32",
            "kps8", "kps16", "kps32"};

    static final Translator<float[], float[][]> SCRFD = Translator.of(Map.of("image", shape(1, 3, 512, 512)),
            (blob, in) -> in.get("image").put(blob), out -> {
                float[][] result = new float[SCRFD_OUTPUTS.length][];
                for (int i = 0; i < result.length; i++) {
                    result[i] = out.get(SCRFD_OUTPUTS[i]).toFloats();
                }
                return result;
            });

    static final Translator<float[], float[]> LANDMARK106 = Translator.of(Map.of("data", shape(1, 3, 192, 192)),
            (blob, in) -> in.get("data").put(blob), out -> out.get("fc1").toFloats());

    static final Translator<float[], float[]> LANDMARK203 = Translator.of(Map.of("input", shape(1, 3, 224, 224)),
            (blob, in) -> in.get("input").put(blob), out -> out.get("landmarks").toFloats());

    static final Translator<float[], float[][]> BLAZE_FACE = Translator.of(Map.of("input", shape(1, 128, 128, 3)),
            (nhwc, in) -> in.get("input").put(nhwc),
            out -> new float[][] {out.get("regressors").toFloats(), out.get("classificators").toFloats()});

    static final Translator<float[], float[]> FACE_MESH = Translator.of(Map.of("input", shape(1, 256, 256, 3)),
            (nhwc, in) -> in.get("input").put(nhwc), out -> out.get("Identity").toFloats());

    static final Translator<float[], MotionInfo> MOTION = Translator.of(Map.of("image", shape(1, 3, 256, 256)),
            (crop, in) -> in.get("image").put(crop),
            out -> MotionInfo.of(out.get("scale").floats().get(0), out.get("pitch").toFloats(),
                    out.get("yaw").toFloats(), out.get("roll").toFloats(), out.get("t").toFloats(),
                    out.get("exp").toFloats(), out.get("kp").toFloats()));

    /** The volume stays in the output tensor, for the warp to read in place. */
    static final Translator<float[], NativeTensor> APPEARANCE = Translator.of(Map.of("image", shape(1, 3, 256, 256)),
            (crop, in) -> in.get("image").put(crop), out -> out.get("pred"));

    /** What one warp reads: the source's appearance volume, as a tensor, and the two keypoint sets [21*3]. */
    record WarpInput(NativeTensor volume, float[] kpSource, float[] kpDriving) {
    }

    static final Translator<WarpInput, float[]> WARP = Translator.of(
            Map.of("kp_source", shape(1, 21, 3), "kp_driving", shape(1, 21, 3)), (w, in) -> {
                in.bind("feature_3d", w.volume());
                in.get("kp_source").put(w.kpSource());
                in.get("kp_driving").put(w.kpDriving());
            }, out -> out.get("out").toFloats());

    /** The warp and the decoder composed: volume and keypoints to the decoded face [3*512*512], RGB planes. */
    static final Translator<WarpInput, float[]> WARP_DECODE = Translator.of(
            Map.of("kp_source", shape(1, 21, 3), "kp_driving", shape(1, 21, 3)), (w, in) -> {
                in.bind("feature_3d", w.volume());
                in.get("kp_source").put(w.kpSource());
                in.get("kp_driving").put(w.kpDriving());
            }, out -> out.get("output").toFloats());

    /**
     * The warp, or the warp and the decoder composed (whose output is {@code output}), of {@code batch}
     * frames per call: input k's keypoints go into slot k, its volume (of {@code volumeShape}, one frame)
     * is copied in only where given (null: the slot holds it from an earlier run). Gives a new array for
     * every slot; the slots past the inputs hold what an earlier run left, and their results mean nothing.
     */
    static Translator<List<WarpInput>, List<float[]>> warpBatch(int batch, long[] volumeShape, String output) {
        long[] volumes = volumeShape.clone();
        volumes[0] = batch;
        return Translator.of(Map.of("kp_source", shape(batch, 21, 3), "kp_driving", shape(batch, 21, 3),
                "feature_3d", volumes), (frames, in) -> {
                    for (int k = 0; k < frames.size(); k++) {
                        WarpInput w = frames.get(k);
                        in.get("kp_source").floats().position(k * w.kpSource().length).put(w.kpSource());
                        in.get("kp_driving").floats().position(k * w.kpDriving().length).put(w.kpDriving());
                        if (w.volume() != null) {
                            in.get("feature_3d").floats().position(k * w.volume().size()).put(w.volume().floats());
                        }
                    }
                }, out -> slots(out.get(output), batch));
    }

    /** The decoder of {@code batch} warped features [256*64*64] per call, as {@link #warpBatch} fills its slots. */
    static Translator<List<float[]>, List<float[]>> decoderBatch(int batch) {
        return Translator.of(Map.of("feature", shape(batch, 256, 64, 64)), (features, in) -> {
            for (int k = 0; k < features.size(); k++) {
                in.get("feature").floats().position(k * features.get(k).length).put(features.get(k));
            }
        }, out -> slots(out.get("output"), batch));
    }

    private static List<float[]> slots(NativeTensor t, int batch) {
        int each = t.size() / batch;
        List<float[]> out = new ArrayList<>(batch);
        for (int k = 0; k < batch; k++) {
            float[] slot = new float[each];
            t.floats().position(k * each).get(slot);
            out.add(slot);
        }
        return out;
    }

    /** The decoded face stays in the output tensor, for the caller to copy where it needs it. */
    static final Translator<float[], NativeTensor> DECODER = Translator.of(Map.of("feature", shape(1, 256, 64, 64)),
            (feature, in) -> in.get("feature").put(feature), out -> out.get("output"));

    /** The two keypoint sets, source then driving [21*3] each. */
    static final Translator<float[][], float[]> STITCH = Translator.of(
            Map.of("kp_source", shape(1, 21, 3), "kp_driving", shape(1, 21, 3)), (kp, in) -> {
                in.get("kp_source").put(kp[0]);
                in.get("kp_driving").put(kp[1]);
            }, out -> out.get("out").toFloats());

    /** A chunk of {@link OfflineFeatures#CHUNK} samples to its feature frames [T][D]. */
    static final Translator<float[], float[][]> HUBERT = Translator.of(
            Map.of("input_values", shape(1, OfflineFeatures.CHUNK)), (chunk, in) -> in.get("input_values").put(chunk),
            out -> {
                NativeTensor features = out.get("features");
                long[] shape = features.shape();
                int dim = (int) shape[shape.length - 1];
                FloatBuffer values = features.floats();
                float[][] rows = new float[features.size() / dim][dim];
                for (float[] row : rows) {
                    values.get(row);
                }
                return rows;
            });

    /** One denoising call's arrays, as {@link Lmdm#predict} takes them. */
    record LmdmInput(float[] x, float[] condFrame, float[] cond, int time) {
    }

    static Translator<LmdmInput, Lmdm.Prediction> lmdm(long conditionWidth) {
        return Translator.of(Map.of("x", shape(1, DittoModels.SEQ_FRAMES, DittoModels.MOTION_DIM),
                "cond_frame", shape(1, DittoModels.MOTION_DIM),
                "cond", shape(1, DittoModels.SEQ_FRAMES, conditionWidth),
                "time_cond", shape(1)), (step, in) -> {
                    in.get("x").put(step.x());
                    in.get("cond_frame").put(step.condFrame());
                    in.get("cond").put(step.cond());
                    in.get("time_cond").longs().put(0, step.time());
                }, out -> new Lmdm.Prediction(out.get("pred_noise").toFloats(), out.get("x_start").toFloats()));
    }

    private ModelTranslators() {
    }

    private static long[] shape(long... dims) {
        return dims;
    }
}
