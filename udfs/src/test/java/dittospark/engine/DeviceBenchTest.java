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

        assertThat(line).as("composition line").contains("apart 32.20 fps", "17.0 ms/frame", "composed 21.30 fps",
                "frames per model call: 1");
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
