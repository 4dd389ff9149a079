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
import dittospark.runtime.NativeTensor;
import dittospark.runtime.Predictor;
import dittospark.runtime.Translator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The release's models as typed calls for one render: plain arrays in, plain arrays out. Each model's
 * predictor is made on first use and kept until {@link #close}, so that the render's runs reuse its
 * tensors. A predictor serves one thread at a time: the render's thread runs registration, features
 * and motion before the frame stages start, and the stitch stage's one thread the stitcher; a stage
 * with several workers makes a predictor per worker ({@link #warper}, {@link #decoder}).
 */
final class DittoModels implements MediaPipeModels, AutoCloseable {
    static final int SEQ_FRAMES = 80;
    static final int MOTION_DIM = 265;
    static final List<String> WARP_DECODE_CHAIN = List.of("warp_network_ori", "decoder");
    static final List<String> WARP = List.of("warp_network_ori");
    static final List<String> DECODER = List.of("decoder");

    private final ModelSet models;
    private final Map<String, Predictor<?, ?>> predictors = new HashMap<>();

    DittoModels(ModelSet models) {
        this.models = models;
    }

    @SuppressWarnings("unchecked")
    private synchronized <I, O> Predictor<I, O> shared(String role, Translator<I, O> translator)
            throws RenderException {
        Predictor<?, ?> p = predictors.get(role);
        if (p == null) {
            p = models.session(role).predictor(translator);
            predictors.put(role, p);
        }
        return (Predictor<I, O>) p;
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
        return shared("insightface_det", ModelTranslators.SCRFD).predict(blob);
    }

    float[] landmark106(float[] blob) throws RenderException {
        return shared("landmark106", ModelTranslators.LANDMARK106).predict(blob);
    }

    float[] landmark203(float[] blob) throws RenderException {
        return shared("landmark203", ModelTranslators.LANDMARK203).predict(blob);
    }

    /** BlazeFace: {regressors [896*16], classificators [896]}. */
    @Override
    public float[][] blazeFace(float[] nhwc) throws RenderException {
        return shared("blaze_face", ModelTranslators.BLAZE_FACE).predict(nhwc);
    }

    @Override
    public float[] faceMesh(float[] nhwc) throws RenderException {
        return shared("face_mesh", ModelTranslators.FACE_MESH).predict(nhwc);
    }

    MotionInfo motion(float[] crop256) throws RenderException {
        return shared("motion_extractor", ModelTranslators.MOTION).predict(crop256);
    }

    /**
     * The appearance volume f_s [1,32,16,64,64] of a crop, as the tensor the warp reads: valid until the
     * next call or the close of this render's models.
     */
    NativeTensor appearance(float[] crop256) throws RenderException {
        return shared("appearance_extractor", ModelTranslators.APPEARANCE).predict(crop256);
    }

    /** An appearance extractor of a frame worker's own, for sources whose frames each have their volume. */
    Predictor<float[], NativeTensor> appearanceWorker() throws RenderException {
        return models.session("appearance_extractor").predictor(ModelTranslators.APPEARANCE);
    }

    /** A warp of a frame worker's own: volume and keypoints to the warped feature [256*64*64]. */
    Predictor<ModelTranslators.WarpInput, float[]> warper() throws RenderException {
        return models.session("warp_network_ori").predictor(ModelTranslators.WARP);
    }

    /**
     * The warp and the decoder composed into one graph, a frame worker's own: volume and keypoints to
     * a new array of the decoded face [3*512*512], RGB planes.
     */
    Predictor<ModelTranslators.WarpInput, float[]> warpDecoder() throws RenderException {
        return models.chain(WARP_DECODE_CHAIN).predictor(ModelTranslators.WARP_DECODE);
    }

    /** A decoder of a frame worker's own: the warped feature to the output tensor [1,3,512,512], RGB planes. */
    Predictor<float[], NativeTensor> decoder() throws RenderException {
        return models.session("decoder").predictor(ModelTranslators.DECODER);
    }

    /** {@code wanted} frames per call where the model of {@code roles} takes a batch, else 1. */
    int batch(List<String> roles, int wanted) throws RenderException {
        return wanted > 1 && models.batched(roles).batched() ? wanted : 1;
    }

    /**
     * A warp, or the warp and decoder composed, of {@code batch} frames per call and a frame worker's
     * own (see {@link ModelTranslators#warpBatch}); only where {@link #batch} gave that batch.
     */
    Predictor<List<ModelTranslators.WarpInput>, List<float[]>> warperBatch(int batch, long[] volumeShape,
                                                                           boolean composed) throws RenderException {
        return models.batched(composed ? WARP_DECODE_CHAIN : WARP).predictor(ModelTranslators.warpBatch(batch,
                volumeShape, composed ? "output" : "out"));
    }

    /** A decoder of {@code batch} frames per call, a frame worker's own; only where {@link #batch} gave that batch. */
    Predictor<List<float[]>, List<float[]>> decoderBatch(int batch) throws RenderException {
        return models.batched(DECODER).predictor(ModelTranslators.decoderBatch(batch));
    }

    /** The stitching network as the motion stitch calls it; failures surface as unchecked. */
    Stitcher stitcher() {
        return (kpSource, kpDriving) -> unchecked(() -> shared("stitch_network", ModelTranslators.STITCH)
                .predict(new float[][] {kpSource, kpDriving}));
    }

    SpeechEncoder speechEncoder() {
        return chunk -> unchecked(() -> shared("hubert", ModelTranslators.HUBERT).predict(chunk));
    }

    Lmdm lmdm(int conditionWidth) {
        Translator<ModelTranslators.LmdmInput, Lmdm.Prediction> translator = ModelTranslators.lmdm(conditionWidth);
        return (x, condFrame, cond, time) -> unchecked(() -> shared("lmdm_v0.4_hubert", translator)
                .predict(new ModelTranslators.LmdmInput(x, condFrame, cond, time)));
    }

    /** Frees every predictor of the render; those of frame workers close with their workers. */
    @Override
    public synchronized void close() {
        predictors.values().forEach(Predictor::close);
        predictors.clear();
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
