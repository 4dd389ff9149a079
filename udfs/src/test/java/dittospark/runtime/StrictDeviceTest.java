package dittospark.runtime;

import dittospark.engine.DemoModels;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** On a build without GPU providers (the CPU artifact), a GPU device is an error, never a CPU run. */
class StrictDeviceTest {
    @BeforeAll
    static void cpuBuild() {
        assumeFalse(OrtRuntime.hasCuda(), "this build has the CUDA provider");
    }

    @Test
    void cudaWithoutTheProviderIsDeviceUnavailable() throws Exception {
        try (ModelSet set = ModelSet.open(DemoModels.folder(), Device.cuda(0))) {
            RenderException e = catchThrowableOfType(() -> set.session("decoder"), RenderException.class);

            assertThat(e).as("opening the decoder on cuda:0").isNotNull();
            assertThat(e.kind()).as("error kind").isEqualTo(ErrorKind.DEVICE_UNAVAILABLE);
            assertThat(e.getMessage()).as("message").contains("decoder", "cuda:0", "no CUDA provider", "-Pgpu");
        }
    }

    @Test
    void tensorRtWithoutTheProviderIsDeviceUnavailable() throws Exception {
        try (ModelSet set = ModelSet.open(DemoModels.folder(), Device.parse("tensorrt:0"))) {
            RenderException e = catchThrowableOfType(() -> set.session("decoder"), RenderException.class);

            assertThat(e).as("opening the decoder on tensorrt:0").isNotNull();
            assertThat(e.kind()).as("error kind").isEqualTo(ErrorKind.DEVICE_UNAVAILABLE);
            assertThat(e.getMessage()).as("message").contains("TENSOR_RT");
        }
    }

    @Test
    void theProviderColumnSaysTheDeviceAsked() throws Exception {
        try (ModelSet set = ModelSet.open(DemoModels.folder(), Device.CPU)) {
            set.session("decoder");

            assertThat(set.provider()).as("provider of a CPU set").isEqualTo("cpu");
        }
    }
}
