package dittospark.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The pipeline's speech encoder is HuBERT: a config made for another one is refused, not run. */
class SpeechEncoderConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path configNaming(String encoder) throws Exception {
        ObjectNode config = (ObjectNode) JSON.readTree(
                DemoModels.folder().resolve("ditto_cfg/v0.4_hubert_cfg_trt.json").toFile());
        ((ObjectNode) config.get("audio2motion_cfg")).put("w2f_type", encoder);
        Path file = dir.resolve(encoder + "_cfg.json");
        JSON.writeValue(file.toFile(), config);
        return file;
    }

    @Test
    void aWavLmConfigIsAModelMismatchNamingBothEncoders() throws Exception {
        Path config = configNaming("wavlm");

        RenderException e = catchThrowableOfType(RenderException.class,
                () -> RenderEngine.builder().models(DemoModels.folder()).config(config).build());

        assertThat(e).as("building an engine with a WavLM config").isNotNull();
        assertThat(e.kind()).as("kind").isEqualTo(ErrorKind.MODEL_MISMATCH);
        assertThat(e.getMessage()).as("message").contains("'wavlm'", "w2f_type", "'hubert'").doesNotContain("\n");
    }

    @Test
    void aHubertConfigBuilds() throws Exception {
        Path config = configNaming("hubert");

        assertThatCode(() -> RenderEngine.builder().models(DemoModels.folder()).config(config).build().close())
                .as("building an engine with a HuBERT config").doesNotThrowAnyException();
    }
}
