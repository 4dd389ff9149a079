package dittospark.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class DeviceBenchTest {
    @Test
    void theCompositionLineGivesBothWays() {
        String line = DeviceBench.compositionLines("portrait", List.of(new DeviceBench.Way(Composition.OFF, 32.2, 17.0),
                new DeviceBench.Way(Composition.ON, 21.3, 19.5)));

        assertThat(line).as("composition line").contains("apart 32.20 fps", "17.0 ms/frame", "composed 21.30 fps");
    }

    @Test
    void theBatchingLineGivesBothBatches() {
        String line = DeviceBench.batchingLine("portrait", new DeviceBench.Batching(4, 20.5, 24.25,
                java.util.Optional.empty()));

        assertThat(line).as("batching line").contains("batch 4 24.25 fps", "batch 1 20.50 fps");
    }

    @Test
    void theBatchingLineOfModelsThatPinTheirBatchSaysWhy() {
        String line = DeviceBench.batchingLine("portrait", new DeviceBench.Batching(4, 0, 0,
                java.util.Optional.of("decoder: Reshape r fixes the batch axis to 1")));

        assertThat(line).as("batching line").contains("frames per model call: 1", "fixes the batch axis to 1");
    }

    @Test
    void theDemoSetPinsItsBatch() throws Exception {
        DeviceBench.Batching b = DeviceBench.batching(DemoModels.folder(), "cpu", Composition.OFF, 4, null, null);

        assertThat(b.whyNot()).as("why the demo set runs one frame per call").get().asString()
                .contains("fixes the batch axis");
    }

    @Test
    void engineBuildsAreListedWithTheirSeconds() {
        assertThat(DeviceBench.engineBuildLine(java.util.Map.of("decoder", java.time.Duration.ofMillis(41_500))))
                .as("engine build line").contains("decoder 41.5 s");
    }

    @Test
    void withoutTensorRtNoEngineIsBuilt() {
        assertThat(DeviceBench.engineBuildLine(java.util.Map.of())).as("engine build line").contains("none");
    }

    @Test
    void withoutNvidiaSmiTheMemoryPeakIsNotAvailable() {
        assertThat(DeviceBench.memoryLine(OptionalLong.empty())).as("memory line").contains("GPU memory peak: n/a");
    }

    @Test
    void theMemoryPeakIsGivenInMiB() {
        assertThat(DeviceBench.memoryLine(OptionalLong.of(5120))).as("memory line").contains("5120 MiB");
    }

    @Test
    void placementOnAGpuThisBuildCannotDriveSaysSo() {
        assumeFalse(ai.onnxruntime.OrtEnvironment.getAvailableProviders().contains(ai.onnxruntime.OrtProvider.CUDA),
                "this build has CUDA");

        assertThat(DeviceBench.placementLines(DemoModels.folder(), "cuda:0")).as("placement lines")
                .contains("DEVICE_UNAVAILABLE", "no CUDA provider");
    }

    @Test
    void placementOnTheCpuHasALinePerModel() {
        assertThat(DeviceBench.placementLines(DemoModels.folder(), "cpu")).as("placement lines")
                .containsPattern("decoder +\\d+ nodes")
                .containsPattern("warp_network_ori +\\d+ nodes");
    }
}
