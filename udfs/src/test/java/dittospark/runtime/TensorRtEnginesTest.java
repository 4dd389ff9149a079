package dittospark.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TensorRtEnginesTest {
    private static final String KEY = TensorRtEngines.cacheKey("abc", "NVIDIA H200", "1.29.0", "10.3.0");

    @TempDir
    Path dir;

    @Test
    void theCacheKeyChangesWithTheModelFile() {
        assertThat(TensorRtEngines.cacheKey("abd", "NVIDIA H200", "1.29.0", "10.3.0")).as("other model").isNotEqualTo(KEY);
    }

    @Test
    void theCacheKeyChangesWithTheGpu() {
        assertThat(TensorRtEngines.cacheKey("abc", "NVIDIA A100", "1.29.0", "10.3.0")).as("other GPU").isNotEqualTo(KEY);
    }

    @Test
    void theCacheKeyChangesWithOnnxRuntime() {
        assertThat(TensorRtEngines.cacheKey("abc", "NVIDIA H200", "1.28.0", "10.3.0")).as("other ORT").isNotEqualTo(KEY);
    }

    @Test
    void theCacheKeyChangesWithTensorRt() {
        assertThat(TensorRtEngines.cacheKey("abc", "NVIDIA H200", "1.29.0", "10.4.0")).as("other TensorRT").isNotEqualTo(KEY);
    }

    @Test
    void theCacheKeyIsStable() {
        assertThat(TensorRtEngines.cacheKey("abc", "NVIDIA H200", "1.29.0", "10.3.0")).as("same inputs").isEqualTo(KEY);
    }

    @Test
    void speechEncoderLmdmAndMotionExtractorStayFp32() {
        for (String role : List.of("hubert", "lmdm_v0.4_hubert", "motion_extractor")) {
            assertThat(TensorRtEngines.fp16(role)).as("fp16 for %s", role).isFalse();
        }
    }

    @Test
    void theFrameModelsRunInFp16() {
        for (String role : List.of("appearance_extractor", "warp_network_ori", "decoder", "stitch_network")) {
            assertThat(TensorRtEngines.fp16(role)).as("fp16 for %s", role).isTrue();
        }
    }

    @Test
    void optionsCacheEnginesAndTimingWhereTold() {
        Map<String, String> o = TensorRtEngines.options("decoder", 2, dir.resolve("e"), dir.resolve("t"));

        assertThat(o).as("decoder options").containsEntry("device_id", "2").containsEntry("trt_fp16_enable", "1")
                .containsEntry("trt_engine_cache_enable", "1")
                .containsEntry("trt_engine_cache_path", dir.resolve("e").toString())
                .containsEntry("trt_timing_cache_enable", "1")
                .containsEntry("trt_timing_cache_path", dir.resolve("t").toString());
    }

    @Test
    void optionsOfAnFp32ModelTurnFp16Off() {
        assertThat(TensorRtEngines.options("hubert", 0, dir, dir)).as("hubert options")
                .containsEntry("trt_fp16_enable", "0");
    }

    @Test
    void engineFoldersAreKeyedUnderTheRoot() {
        TensorRtEngines engines = new TensorRtEngines(dir);

        assertThat(engines.engineFolder(KEY)).as("engine folder").isEqualTo(dir.resolve("engines").resolve(KEY));
    }

    @Test
    void aFolderWithAnEngineFileIsBuilt() throws Exception {
        Files.createDirectories(dir.resolve("e"));
        assertThat(TensorRtEngines.built(dir.resolve("e"))).as("empty folder").isFalse();

        Files.writeString(dir.resolve("e/TensorrtExecutionProvider_x.engine"), "plan");

        assertThat(TensorRtEngines.built(dir.resolve("e"))).as("folder with an engine").isTrue();
    }

    @Test
    void readsTheTensorRtVersionFromTheLibraryName() throws Exception {
        Files.writeString(dir.resolve("libnvinfer.so.10"), "");
        Files.writeString(dir.resolve("libnvinfer.so.10.3.0"), "");

        assertThat(GpuFacts.newestLibrary(List.of(dir.toString()))).as("version").hasValue("10.3.0");
    }
}
