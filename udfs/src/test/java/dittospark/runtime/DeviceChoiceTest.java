package dittospark.runtime;

import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class DeviceChoiceTest {
    @Test
    void autoIsTheCpuForATaskWithoutAGpu() {
        assertThat(DeviceChoice.forTask("auto", "cuda", OptionalInt.empty())).as("auto without a task GPU")
                .isEqualTo(Device.CPU);
    }

    @Test
    void autoIsTheGpuSparkGaveTheTask() {
        assertThat(DeviceChoice.forTask("auto", "cuda", OptionalInt.of(1))).as("auto with task GPU 1")
                .isEqualTo(Device.cuda(1));
    }

    @Test
    void tensorRtDrivesTheChosenGpu() {
        assertThat(DeviceChoice.forTask("auto", "tensorrt", OptionalInt.of(0))).as("auto with tensorrt")
                .hasToString("tensorrt:0");
    }

    @Test
    void autoWithTensorRtStaysOnTheCpuWhenThereIsNoGpu() {
        assertThat(DeviceChoice.forTask("auto", "tensorrt", OptionalInt.empty())).as("auto, tensorrt, no GPU")
                .isEqualTo(Device.CPU);
    }

    @Test
    void refusesTensorRtOnAnExplicitCpu() {
        assertThatThrownBy(() -> DeviceChoice.forTask("cpu", "tensorrt", OptionalInt.empty()))
                .as("cpu with tensorrt").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tensorrt");
    }

    @Test
    void refusesAnUnknownProvider() {
        assertThatThrownBy(() -> DeviceChoice.forProcess("cuda:0", "rocm")).as("provider rocm")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cuda or tensorrt");
    }

    @Test
    void autoIsTheCpuOnAMachineWhoseBuildHasNoCuda() {
        assumeFalse(OrtRuntime.hasCuda(), "this build has the CUDA provider");
        assertThat(DeviceChoice.forProcess("auto", "cuda")).as("auto on this machine").isEqualTo(Device.CPU);
    }

    @Test
    void parsesWhatItPrints() {
        for (String text : new String[] {"cpu", "cuda:0", "cuda:3", "tensorrt:2"}) {
            assertThat(Device.parse(text)).as("round trip of %s", text).hasToString(text);
        }
    }
}
