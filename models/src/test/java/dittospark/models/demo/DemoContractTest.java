package dittospark.models.demo;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dittospark.models.ModelContracts;
import dittospark.models.ModelSpec;
import dittospark.models.TensorSpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DemoContractTest {
    private static final ModelContracts CONTRACTS = ModelContracts.release();

    @TestFactory
    Stream<DynamicTest> everyModelHasTheContractsNamesTypesAndShapes() {
        return CONTRACTS.models().stream().map(spec -> DynamicTest.dynamicTest(spec.role(), () -> {
            try (OrtSession session = DemoRuntime.session(spec.role())) {
                assertTensors(spec, "input", spec.inputs(), new ArrayList<>(session.getInputInfo().values()));
                assertTensors(spec, "output", spec.outputs(), new ArrayList<>(session.getOutputInfo().values()));
            }
        }));
    }

    @Test
    void configNamesEveryModelFileAndTheOfflineDefaults() throws IOException {
        JsonNode config = new ObjectMapper().readTree(DemoRuntime.dir().resolve(DemoConfig.file(CONTRACTS)).toFile());
        List<String> paths = config.findValuesAsText("model_path");
        config.path("base_cfg").path("landmark478_cfg").forEach(p -> paths.add(p.asText()));

        assertThat(config.fieldNames()).toIterable().as("top-level keys").containsAll(CONTRACTS.configKeys());
        assertThat(paths).as("model paths in the config")
                .containsExactlyInAnyOrderElementsOf(CONTRACTS.models().stream().map(ModelSpec::file).toList());
        assertThat(paths).as("every model path names a written file")
                .allSatisfy(p -> assertThat(Files.isRegularFile(DemoRuntime.dir().resolve(p))).as(p).isTrue());
        assertThat(config.at("/audio2motion_cfg/audio_feat_dim").asInt()).as("condition width")
                .isEqualTo(1024 + 8 + 2 + 6 + 63);
        assertThat(config.at("/default_kwargs/sampling_timesteps").asInt()).as("offline DDIM steps").isEqualTo(50);
        assertThat(config.path("face_detector").asText()).as("face locator").isEqualTo("opencv_haar");
    }

    private static void assertTensors(ModelSpec spec, String kind, List<TensorSpec> expected, List<NodeInfo> actual) {
        assertThat(actual).as(spec.role() + " " + kind + " count").hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            TensorSpec want = expected.get(i);
            NodeInfo node = actual.get(i);
            String what = spec.role() + " " + kind + " " + i + " (" + node.getName() + ")";
            if (!want.positional()) {
                assertThat(node.getName()).as(what + " name").isEqualTo(want.name());
            }
            TensorInfo info = (TensorInfo) node.getInfo();
            assertThat(info.type).as(what + " type")
                    .isEqualTo(want.type().equals("int64") ? OnnxJavaType.INT64 : OnnxJavaType.FLOAT);
            assertThat(info.getShape()).as(what + " shape").containsExactly(expectedShape(want.primaryShape()));
        }
    }

    /** Fixed axes as in the contract; dynamic ones -1 unless the demo binds the symbol to the release's size. */
    private static long[] expectedShape(List<TensorSpec.Dim> shape) {
        Map<String, Long> bound = Map.of(DemoConfig.CONDITION_AXIS, (long) DemoConfig.audioFeatDim(CONTRACTS));
        return shape.stream().mapToLong(d -> !d.dynamic() ? d.size() : bound.getOrDefault(d.symbol(), -1L)).toArray();
    }
}
