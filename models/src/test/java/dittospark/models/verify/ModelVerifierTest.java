package dittospark.models.verify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dittospark.models.FaceFrontend;
import dittospark.models.ModelContracts;
import dittospark.models.ModelSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModelVerifierTest {
    private static final String CONFIG = "config";
    private static final String WARP = "warp_network_ori";

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private ModelFolder folder;

    @BeforeEach
    void linkCompleteSet() throws IOException {
        folder = ModelFolder.linkedTo(ModelFolder.completeSet(shared), dir.resolve("models"));
    }

    private VerifyReport verify() {
        return new ModelVerifier().verify(folder.dir());
    }

    private static ModelCheck check(VerifyReport report, String role) {
        return report.checks().stream().filter(c -> c.role().equals(role)).findFirst().orElseThrow();
    }

    private static List<String> failedRoles(VerifyReport report) {
        return report.failures().stream().map(ModelCheck::role).toList();
    }

    @Test
    void completeFolderPasses() {
        VerifyReport report = verify();

        assertThat(report.passed()).as("verdict on a complete folder:%n%s", report.text()).isTrue();
    }

    @Test
    void reportHasTheConfigAndEveryModel() {
        VerifyReport report = verify();

        assertThat(report.checks()).as("checks of a complete folder")
                .hasSize(ModelContracts.release().models().size() + 1);
    }

    @Test
    void missingModelFails() throws IOException {
        folder.delete("ditto_onnx/decoder.onnx");

        VerifyReport report = verify();

        assertThat(failedRoles(report)).as("failures without decoder.onnx").containsExactly("decoder");
        assertThat(check(report, "decoder").problems()).as("decoder problems").containsExactly("missing");
    }

    @Test
    void renamedInputFails() throws IOException {
        folder.replaceWithChanged("decoder",
                m -> ModelFolder.tensor(m, "inputs", "feature").put("name", "features"), shared);

        ModelCheck decoder = check(verify(), "decoder");

        assertThat(decoder.problems()).as("decoder whose input is named 'features'")
                .anySatisfy(p -> assertThat(p).contains("no input 'feature'"))
                .anySatisfy(p -> assertThat(p).contains("unexpected input 'features'"));
    }

    @Test
    void wrongFixedDimensionFails() throws IOException {
        folder.replaceWithChanged("stitch_network",
                m -> ModelFolder.primaryShape(m, "inputs", "kp_source").set(1, 20),
                shared);

        ModelCheck stitch = check(verify(), "stitch_network");

        assertThat(stitch.problems()).as("stitch_network with kp_source [1,20,3]")
                .containsExactly("input 'kp_source': shape [1,20,3], expected [1,21,3]");
    }

    @Test
    void wrongRankFails() throws IOException {
        folder.replaceWithChanged("landmark106",
                m -> ModelFolder.primaryShape(m, "outputs", "fc1").remove(0), shared);

        ModelCheck landmark = check(verify(), "landmark106");

        assertThat(landmark.problems()).as("landmark106 with a rank-1 fc1")
                .containsExactly("output 'fc1': shape [212], expected [1,212]");
    }

    @Test
    void wrongElementTypeFails() throws IOException {
        folder.replaceWithChanged("lmdm_v0.4_hubert",
                m -> ModelFolder.tensor(m, "inputs", "time_cond").put("type", "float32"), shared);

        ModelCheck lmdm = check(verify(), "lmdm_v0.4_hubert");

        assertThat(lmdm.problems()).as("lmdm with a float time_cond")
                .containsExactly("input 'time_cond': type float32, expected int64");
    }

    @Test
    void dynamicDimensionAcceptsAFixedSize() throws IOException {
        folder.replaceWithChanged("hubert",
                m -> ModelFolder.primaryShape(m, "inputs", "input_values").set(1, 6480),
                shared);

        ModelCheck hubert = check(verify(), "hubert");

        assertThat(hubert.ok()).as("hubert with input_values fixed to [1,6480]: %s", hubert.line()).isTrue();
    }

    @Test
    void positionalOutputIsCheckedByItsPlace() throws IOException {
        folder.replaceWithChanged("motion_extractor",
                m -> ((ArrayNode) m.get("outputs").get(3).get("shapes").get(0)).set(1, 4), shared);

        ModelCheck motion = check(verify(), "motion_extractor");

        assertThat(motion.problems()).as("motion_extractor whose fourth output is [1,4]")
                .containsExactly("output #3 (t) 'out3': shape [1,4], expected [1,3]");
    }

    @Test
    void optionalOutputMayBeAbsent() throws IOException {
        folder.replaceWithChanged("face_mesh", m -> ((ArrayNode) m.get("outputs")).remove(2), shared);

        ModelCheck mesh = check(verify(), "face_mesh");

        assertThat(mesh.ok()).as("face_mesh without Identity_2: %s", mesh.line()).isTrue();
    }

    @Test
    void requiredOutputMustBePresent() throws IOException {
        folder.replaceWithChanged("blaze_face", m -> ((ArrayNode) m.get("outputs")).remove(1), shared);

        ModelCheck blaze = check(verify(), "blaze_face");

        assertThat(blaze.problems()).as("blaze_face without classificators")
                .singleElement().asString().startsWith("no output 'classificators'");
    }

    @Test
    void truncatedModelFails() throws IOException {
        folder.truncate("decoder", (int) Files.size(folder.modelFile("decoder")) / 2);

        ModelCheck decoder = check(verify(), "decoder");

        assertThat(decoder.problems()).as("decoder cut in half")
                .singleElement().asString().startsWith("ONNX Runtime cannot load it");
    }

    @Test
    void releaseWarpNetworkAloneNamesTheOneToUse() throws IOException {
        ModelSpec warpSpec = ModelContracts.release().model(WARP);
        String releaseFile = warpSpec.releaseTwin().orElseThrow().file();
        folder.delete(warpSpec.file());
        folder.writeCustomOpModel(releaseFile);

        ModelCheck warp = check(verify(), WARP);

        assertThat(warp.problems()).as("folder with only the release's %s", releaseFile)
                .singleElement().asString()
                .startsWith("missing; found " + releaseFile)
                .contains("GridSample3D").contains("use warp_network_ori.onnx");
    }

    @Test
    void customOpModelInPlaceOfTheOriginalNamesTheOneToUse() throws IOException {
        folder.writeCustomOpModel(ModelContracts.release().model(WARP).file());

        ModelCheck warp = check(verify(), WARP);

        assertThat(warp.problems()).as("warp_network_ori.onnx holding the GridSample3D model")
                .singleElement().asString()
                .startsWith("ONNX Runtime cannot load it").contains("use warp_network_ori.onnx");
    }

    @Test
    void missingConfigFails() throws IOException {
        for (String config : ModelContracts.release().configFiles()) {
            Files.deleteIfExists(folder.path(config));
        }

        VerifyReport report = verify();

        assertThat(failedRoles(report)).as("failures without a config").containsExactly(CONFIG);
    }

    @Test
    void unreadableConfigFails() throws IOException {
        for (String config : ModelContracts.release().configFiles()) {
            Files.deleteIfExists(folder.path(config));
        }
        Files.writeString(folder.path(ModelContracts.release().configFiles().get(0)), "not a pickle");

        ModelCheck config = check(verify(), CONFIG);

        assertThat(config.problems()).as("problems of a config that is text")
                .singleElement().asString().contains("not a readable pickle config");
    }

    @Test
    void textEndsWithTheVerdict() throws IOException {
        folder.delete("ditto_onnx/decoder.onnx");

        String text = verify().text();

        assertThat(text.lines().reduce((a, b) -> b).orElseThrow()).as("last line of the report")
                .isEqualTo("FAIL: 1 of " + (ModelContracts.release().models().size() + 1)
                        + " files do not match the contracts");
    }

    @Test
    void mediaPipeFrontEndPassesWithoutTheReferenceFaceModels() throws IOException {
        folder.delete("ditto_onnx/insightface_det.onnx");
        folder.delete("ditto_onnx/landmark106.onnx");
        folder.delete("ditto_onnx/landmark203.onnx");

        VerifyReport report = new ModelVerifier().verify(folder.dir(), FaceFrontend.MEDIAPIPE);

        assertThat(report.passed()).as("mediapipe verdict without the three models:%n%s", report.text()).isTrue();
    }

    @Test
    void mediaPipeFrontEndStillNeedsBlazeFace() throws IOException {
        folder.delete("ditto_onnx/blaze_face.onnx");

        VerifyReport report = new ModelVerifier().verify(folder.dir(), FaceFrontend.MEDIAPIPE);

        assertThat(failedRoles(report)).as("failed roles without blaze_face.onnx").containsExactly("blaze_face");
    }

    @Test
    void referenceFrontEndNeedsLandmark203() throws IOException {
        folder.delete("ditto_onnx/landmark203.onnx");

        VerifyReport report = new ModelVerifier().verify(folder.dir(), FaceFrontend.REFERENCE);

        assertThat(failedRoles(report)).as("failed roles without landmark203.onnx").containsExactly("landmark203");
    }
}
