package dittospark.runtime;

import dittospark.engine.DemoModels;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The warp and the decoder of the demo set composed at load time give the image of the two in turn. */
class ComposedModelsTest {
    private static final List<String> CHAIN = List.of("warp_network_ori", "decoder");

    @Test
    void theComposedSessionGivesTheImageOfTheChain() throws Exception {
        Random random = new Random(3);
        float[] kpSource = new float[63];
        float[] kpDriving = new float[63];
        for (int i = 0; i < 63; i++) {
            kpSource[i] = random.nextFloat() - 0.5f;
            kpDriving[i] = kpSource[i] + (random.nextFloat() - 0.5f) * 0.1f;
        }
        try (ModelSet set = ModelSet.open(DemoModels.folder(), Device.CPU);
             NativeTensor volume = NativeTensor.allocate(NativeTensor.FLOAT32, new long[] {1, 32, 16, 64, 64})) {
            for (int i = 0; i < volume.size(); i++) {
                volume.floats().put(i, random.nextFloat());
            }
            float[] chained = chained(set, volume, kpSource, kpDriving);
            float[] composed = run(set.chain(CHAIN), "output", volume, kpSource, kpDriving);

            float worst = 0;
            for (int i = 0; i < chained.length; i++) {
                worst = Math.max(worst, Math.abs(composed[i] - chained[i]));
            }
            assertThat(composed).as("image size").hasSize(3 * 512 * 512);
            assertThat(worst).as("largest difference from the chain").isLessThanOrEqualTo(1e-5f);
        }
    }

    @Test
    void theChainHasTheContractOfItsEnds() throws Exception {
        try (ModelSet set = ModelSet.open(DemoModels.folder(), Device.CPU)) {
            ModelSession chain = set.chain(CHAIN);

            assertThat(chain.spec().role()).as("role").isEqualTo("warp_network_ori+decoder");
            assertThat(chain.spec().inputs()).as("inputs").extracting(t -> t.name())
                    .containsExactly("feature_3d", "kp_source", "kp_driving");
            assertThat(chain.spec().outputs()).as("outputs").extracting(t -> t.name()).containsExactly("output");
        }
    }

    private static float[] chained(ModelSet set, NativeTensor volume, float[] kpSource, float[] kpDriving)
            throws Exception {
        float[] warped = run(set.session("warp_network_ori"), "out", volume, kpSource, kpDriving);
        Translator<float[], float[]> decode = Translator.of(Map.of("feature", new long[] {1, 256, 64, 64}),
                (f, in) -> in.get("feature").put(f), out -> out.get("output").toFloats());
        try (Predictor<float[], float[]> decoder = set.session("decoder").predictor(decode)) {
            return decoder.predict(warped);
        }
    }

    private static float[] run(ModelSession session, String output, NativeTensor volume, float[] kpSource,
                               float[] kpDriving) throws Exception {
        Translator<float[][], float[]> warp = Translator.of(
                Map.of("kp_source", new long[] {1, 21, 3}, "kp_driving", new long[] {1, 21, 3}), (kp, in) -> {
                    in.bind("feature_3d", volume);
                    in.get("kp_source").put(kp[0]);
                    in.get("kp_driving").put(kp[1]);
                }, out -> out.get(output).toFloats());
        try (Predictor<float[][], float[]> p = session.predictor(warp)) {
            return p.predict(new float[][] {kpSource, kpDriving});
        }
    }
}
