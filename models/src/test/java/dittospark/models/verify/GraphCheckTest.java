package dittospark.models.verify;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dittospark.models.ModelContracts;
import dittospark.models.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GraphCheckTest {
    @TempDir
    static Path scratch;

    private static GraphCheck check(String role, String fileOfRole) throws Exception {
        ModelSpec spec = ModelContracts.release().model(role);
        Path file = ModelFolder.completeSet(scratch).resolve(ModelContracts.release().model(fileOfRole).file());
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             OrtSession session = OrtEnvironment.getEnvironment().createSession(file.toString(), options)) {
            return GraphCheck.of(spec, session);
        }
    }

    @Test
    void aModelOfTheSetFitsItsContract() throws Exception {
        assertThat(check("decoder", "decoder").problems()).as("problems of the decoder").isEmpty();
    }

    @Test
    void outputsFixedByPositionAreNamedByTheirMeaning() throws Exception {
        GraphCheck check = check("motion_extractor", "motion_extractor");

        assertThat(check.outputNames().keySet()).as("contract keys of the motion extractor's outputs")
                .containsExactly("pitch", "yaw", "roll", "t", "exp", "scale", "kp");
    }

    @Test
    void anotherRolesModelDoesNotFit() throws Exception {
        GraphCheck check = check("decoder", "stitch_network");

        assertThat(check.ok()).as("the stitch network checked as the decoder fits").isFalse();
        assertThat(check.problems()).as("problems of the stitch network as the decoder")
                .anySatisfy(p -> assertThat(p).startsWith("no input 'feature'"))
                .anySatisfy(p -> assertThat(p).startsWith("unexpected input 'kp_source'"));
    }
}
