package dittospark.runtime;

import dittospark.engine.DemoModels;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.models.ModelContracts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ModelSetTest {
    private static final String ROLE = "lmdm_v0.4_hubert";

    @Test
    void keepsOneSessionPerModel() throws Exception {
        try (ModelSet set = ModelSet.open(DemoModels.folder(), Device.CPU)) {
            assertThat(set.session(ROLE)).as("second session of " + ROLE).isSameAs(set.session(ROLE));
        }
    }

    @Test
    void closingClosesItsSessions() throws Exception {
        ModelSet set = ModelSet.open(DemoModels.folder(), Device.CPU);
        ModelSession session = set.session(ROLE);

        set.close();

        assertThatThrownBy(() -> session.inputWidth("cond", 2, 0)).as("graph metadata of a closed session")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aModelThatDoesNotFitItsContractIsAModelMismatch(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("ditto_onnx"));
        ModelContracts contracts = ModelContracts.release();
        Files.copy(DemoModels.folder().resolve(contracts.model("stitch_network").file()),
                dir.resolve(contracts.model("decoder").file()));

        try (ModelSet set = ModelSet.open(dir, Device.CPU)) {
            RenderException e = catchThrowableOfType(RenderException.class, () -> set.session("decoder"));

            assertThat(e.kind()).as("kind of the stitch network opened as the decoder")
                    .isEqualTo(ErrorKind.MODEL_MISMATCH);
            assertThat(e).as("message of the stitch network opened as the decoder")
                    .hasMessageContaining("decoder does not match its contract")
                    .hasMessageContaining("unexpected input 'kp_source'");
        }
    }

    @Test
    void aMissingFolderIsAModelMismatch() {
        RenderException e = catchThrowableOfType(RenderException.class,
                () -> ModelSet.open(DemoModels.folder().resolve("nowhere"), Device.CPU));

        assertThat(e.kind()).as("kind of a missing model folder").isEqualTo(ErrorKind.MODEL_MISMATCH);
    }
}
