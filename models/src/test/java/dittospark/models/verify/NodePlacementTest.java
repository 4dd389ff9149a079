package dittospark.models.verify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NodePlacementTest {
    @TempDir
    Path dir;

    @Test
    void readsTheProviderOfEachKernelFromAProfile() throws Exception {
        Path profile = Files.writeString(dir.resolve("p.json"), """
                [{"cat":"Session","name":"model_run","args":{}},
                 {"cat":"Node","name":"grid_kernel_time","args":{"op_name":"GridSample","provider":"CPUExecutionProvider"}},
                 {"cat":"Node","name":"conv_kernel_time","args":{"op_name":"Conv","provider":"CUDAExecutionProvider"}},
                 {"cat":"Node","name":"conv_fence_before","args":{"op_name":"Conv"}}]""");

        Map<String, String> nodes = NodePlacement.nodes(profile);

        assertThat(nodes).as("nodes").containsExactly(Map.entry("grid", "CPUExecutionProvider"),
                Map.entry("conv", "CUDAExecutionProvider"));
    }

    @Test
    void aPlacementNamesTheNodesOnTheCpu() {
        NodePlacement.Placement p = new NodePlacement.Placement("warp_network_ori",
                Map.of("grid", NodePlacement.CPU_PROVIDER, "conv", "CUDAExecutionProvider"));

        assertThat(p.onCpu()).as("nodes on the CPU").isEqualTo(List.of("grid"));
        assertThat(p.line()).as("line").contains("2 nodes", "1 on the CPU: grid");
    }

    @Test
    void theCpuNeedsNoProvider() {
        assertThat(NodePlacement.unavailable("cpu")).as("why the CPU cannot be used").isEmpty();
    }
}
