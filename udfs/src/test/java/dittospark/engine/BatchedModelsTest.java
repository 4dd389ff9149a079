package dittospark.engine;

import dittospark.runtime.Device;
import dittospark.runtime.ModelSet;
import dittospark.runtime.NativeTensor;
import dittospark.runtime.Predictor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Models that take a batch give, per frame of a batch, what they give that frame alone. */
class BatchedModelsTest {
    private static final int BATCH = 4;

    @TempDir
    Path dir;

    @Test
    void theBatchableWarpAndDecoderTakeABatch() throws Exception {
        try (ModelSet set = ModelSet.open(BatchableDemoModels.into(dir), Device.CPU)) {
            DittoModels models = new DittoModels(set);

            assertThat(models.batch(DittoModels.WARP, BATCH)).as("warp frames per call").isEqualTo(BATCH);
            assertThat(models.batch(DittoModels.DECODER, BATCH)).as("decoder frames per call").isEqualTo(BATCH);
            assertThat(models.batch(DittoModels.WARP_DECODE_CHAIN, BATCH)).as("composed frames per call").isEqualTo(BATCH);
        }
    }

    @Test
    void theDemoWarpAndDecoderPinTheirBatch() throws Exception {
        try (ModelSet set = ModelSet.open(DemoModels.folder(), Device.CPU)) {
            DittoModels models = new DittoModels(set);

            assertThat(models.batch(DittoModels.WARP, BATCH)).as("warp frames per call").isEqualTo(1);
            assertThat(models.batch(DittoModels.WARP_DECODE_CHAIN, BATCH)).as("composed frames per call").isEqualTo(1);
        }
    }

    @Test
    void aBatchOfTheComposedWarpAndDecoderMatchesFrameByFrameRuns() throws Exception {
        try (ModelSet set = ModelSet.open(BatchableDemoModels.into(dir), Device.CPU);
             DittoModels models = new DittoModels(set)) {
            Random random = new Random(3);
            NativeTensor volume = models.appearance(randoms(random, 3 * 256 * 256, 1f));
            // three frames: a short batch, whose fourth slot is left over
            List<ModelTranslators.WarpInput> frames = new ArrayList<>();
            for (int k = 0; k < BATCH - 1; k++) {
                frames.add(new ModelTranslators.WarpInput(volume, randoms(random, 63, 0.5f), randoms(random, 63, 0.5f)));
            }
            List<float[]> alone = new ArrayList<>();
            try (Predictor<ModelTranslators.WarpInput, float[]> single = models.warpDecoder()) {
                for (ModelTranslators.WarpInput w : frames) {
                    alone.add(single.predict(w));
                }
            }
            List<float[]> batched;
            try (Predictor<List<ModelTranslators.WarpInput>, List<float[]>> batch =
                         models.warperBatch(BATCH, volume.shape(), true)) {
                batched = batch.predict(frames);
            }

            double worst = 0;
            for (int k = 0; k < frames.size(); k++) {
                for (int i = 0; i < alone.get(k).length; i++) {
                    worst = Math.max(worst, Math.abs(alone.get(k)[i] - batched.get(k)[i]));
                }
            }
            assertThat(worst).as("largest difference of a decoded value").isLessThanOrEqualTo(1e-5);
        }
    }

    private static float[] randoms(Random random, int n, float scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (random.nextFloat() * 2 - 1) * scale;
        }
        return v;
    }
}
