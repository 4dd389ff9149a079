package dittospark.media;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class H264EncodersTest {
    private static void assumeNoNvidiaGpu() {
        assumeFalse(Files.exists(Path.of("/dev/nvidia0")), "this machine has an NVIDIA GPU");
    }

    @Test
    void x264EncodesAProbeFrame() {
        assertThat(H264Encoders.whyNot(H264Encoders.X264)).as("why x264 cannot encode").isNull();
    }

    @Test
    void nvencDoesNotOpenWithoutAnNvidiaGpu() {
        assumeNoNvidiaGpu();

        assertThat(H264Encoders.whyNot(H264Encoders.NVENC)).as("why NVENC cannot encode").isNotBlank();
    }

    @Test
    void gpuRendersFallBackToX264WithoutNvenc() {
        assumeNoNvidiaGpu();

        assertThat(H264Encoders.forGpu()).as("encoder of GPU renders").isEqualTo(H264Encoders.X264);
    }

    @Test
    void anUnknownEncoderIsRefused() {
        assertThat(H264Encoders.whyNot("h264_nosuch")).as("why an unknown encoder cannot encode")
                .contains("no h264_nosuch");
    }
}
