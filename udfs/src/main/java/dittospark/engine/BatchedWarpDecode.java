package dittospark.engine;

import dittospark.errors.RenderException;
import dittospark.face.ExtractorInput;
import dittospark.runtime.NativeTensor;
import dittospark.runtime.Predictor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The warp and decode stages' workers that run several consecutive frames per model call, for models
 * whose batch axis is free ({@link DittoModels#batch}). Each keeps its own batched predictor, whose
 * slots it fills per call; a short last batch leaves the remaining slots as they were and drops their
 * results.
 */
final class BatchedWarpDecode {
    private BatchedWarpDecode() {
    }

    /**
     * One worker of the batched warp (or warp and decoder composed). A volume is copied into its slot
     * only when it changes: once for a source of one driving frame, else when the slot's driving frame
     * does, extracted by that slot's own appearance extractor.
     */
    static final class Warp implements FramePipeline.BatchStage<RenderEngine.Stitched, RenderEngine.Along<float[]>> {
        private final DittoModels models;
        private final int batch;
        private final boolean composed;
        private final NativeTensor sharedVolume;
        private final List<Predictor<float[], NativeTensor>> appearance = new ArrayList<>();
        /** The driving frame whose volume each slot holds; -1 none yet. */
        private final int[] slotFrame;
        private Predictor<List<ModelTranslators.WarpInput>, List<float[]>> warp;

        Warp(DittoModels models, int batch, boolean composed, NativeTensor sharedVolume) {
            this.models = models;
            this.batch = batch;
            this.composed = composed;
            this.sharedVolume = sharedVolume;
            this.slotFrame = new int[batch];
            Arrays.fill(slotFrame, -1);
        }

        @Override
        public List<RenderEngine.Along<float[]>> apply(int firstFrame, List<RenderEngine.Stitched> frames)
                throws RenderException {
            List<ModelTranslators.WarpInput> in = new ArrayList<>(frames.size());
            for (int k = 0; k < frames.size(); k++) {
                RenderEngine.Stitched st = frames.get(k);
                in.add(new ModelTranslators.WarpInput(changedVolume(k, st.source()), st.keypoints().source(),
                        st.keypoints().driving()));
            }
            if (warp == null) {
                // every slot is empty before the first call, so its first volume is there to size the batch
                warp = models.warperBatch(batch, in.get(0).volume().shape(), composed);
            }
            List<float[]> out = warp.predict(in);
            List<RenderEngine.Along<float[]>> results = new ArrayList<>(frames.size());
            for (int k = 0; k < frames.size(); k++) {
                results.add(new RenderEngine.Along<>(out.get(k), frames.get(k).source().frame()));
            }
            return results;
        }

        /** The volume slot {@code k} must be given for {@code source}; null where it holds it already. */
        private NativeTensor changedVolume(int k, RenderEngine.SourceFrame source) throws RenderException {
            int frame = sharedVolume != null ? 0 : source.drivingFrame();
            if (slotFrame[k] == frame) {
                return null;
            }
            slotFrame[k] = frame;
            if (sharedVolume != null) {
                return sharedVolume;
            }
            while (appearance.size() <= k) {
                appearance.add(models.appearanceWorker());
            }
            return appearance.get(k).predict(ExtractorInput.of(source.crop()));
        }

        @Override
        public void close() {
            if (warp != null) {
                warp.close();
            }
            appearance.forEach(Predictor::close);
        }
    }

    /** One worker of the batched decoder: warped features [256*64*64] to decoded faces, a new array each. */
    static final class Decode
            implements FramePipeline.BatchStage<RenderEngine.Along<float[]>, RenderEngine.Along<float[]>> {
        private final Predictor<List<float[]>, List<float[]>> decoder;

        Decode(DittoModels models, int batch) throws RenderException {
            this.decoder = models.decoderBatch(batch);
        }

        @Override
        public List<RenderEngine.Along<float[]>> apply(int firstFrame, List<RenderEngine.Along<float[]>> features)
                throws RenderException {
            List<float[]> out = decoder.predict(features.stream().map(RenderEngine.Along::value).toList());
            List<RenderEngine.Along<float[]>> results = new ArrayList<>(features.size());
            for (int k = 0; k < features.size(); k++) {
                results.add(new RenderEngine.Along<>(out.get(k), features.get(k).frame()));
            }
            return results;
        }

        @Override
        public void close() {
            decoder.close();
        }
    }
}
