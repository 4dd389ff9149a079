package dittospark.models.cli;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import dittospark.models.config.DittoConfig;
import dittospark.models.demo.DemoModelSet;
import dittospark.models.verify.ModelFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class ModelsCommandTest {
    private static final String CONFIG_JSON = """
            {"base_cfg": {"decoder_cfg": {"model_path": "decoder_fp16.engine"}},
             "audio2motion_cfg": {"seq_frames": 80},
             "default_kwargs": {"delta_eye_arr": [[0.5, 1.0], [2.0, 3.5]], "smo_k_d": 3}}""";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new ModelsCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void verifyExitsZeroOnACompleteFolder() throws IOException {
        ModelFolder folder = ModelFolder.linkedTo(ModelFolder.completeSet(dir), dir.resolve("models"));

        int exit = run("verify", folder.dir().toString());

        assertThat(exit).as("exit code; output:%n%s", out).isZero();
    }

    @Test
    void verifyOnADeviceListsWhereEachModelsNodesRan() throws IOException {
        Path demo = dir.resolve("demo");
        DemoModelSet.write(demo);

        int exit = run("verify", "--device", "cpu", demo.toString());

        assertThat(exit).as("exit code; output:%n%s%s", out, err).isZero();
        assertThat(out.toString()).as("output").contains("node placement on cpu")
                .containsPattern("decoder +\\d+ nodes, +\\d+ on the CPU");
    }

    @Test
    void verifyOnAGpuThisBuildCannotDriveIsDeviceUnavailable() throws IOException {
        assumeFalse(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA), "this build has CUDA");
        Path demo = dir.resolve("demo");
        DemoModelSet.write(demo);

        int exit = run("verify", "--device", "cuda:0", demo.toString());

        assertThat(exit).as("exit code").isEqualTo(VerifyCommand.DEVICE_UNAVAILABLE);
        assertThat(err.toString()).as("error output").contains("DEVICE_UNAVAILABLE", "cuda:0", "no CUDA provider");
    }

    @Test
    void verifyExitsNonZeroOnAMismatch() throws IOException {
        ModelFolder folder = ModelFolder.linkedTo(ModelFolder.completeSet(dir), dir.resolve("models"));
        folder.delete("ditto_onnx/decoder.onnx");

        int exit = run("verify", folder.dir().toString());

        assertThat(exit).as("exit code without decoder.onnx").isEqualTo(VerifyCommand.MISMATCH);
    }

    @Test
    void verifyForTheMediaPipeFrontEndPassesWithoutTheReferenceFaceModels() throws IOException {
        ModelFolder folder = ModelFolder.linkedTo(ModelFolder.completeSet(dir), dir.resolve("models"));
        folder.delete("ditto_onnx/insightface_det.onnx");
        folder.delete("ditto_onnx/landmark106.onnx");
        folder.delete("ditto_onnx/landmark203.onnx");

        int exit = run("verify", "--face-frontend", "mediapipe", folder.dir().toString());

        assertThat(exit).as("exit code; output:%n%s", out).isZero();
    }

    @Test
    void verifyWithoutAFrontEndNeedsEveryModel() throws IOException {
        ModelFolder folder = ModelFolder.linkedTo(ModelFolder.completeSet(dir), dir.resolve("models"));
        folder.delete("ditto_onnx/landmark203.onnx");

        int exit = run("verify", folder.dir().toString());

        assertThat(exit).as("exit code without landmark203.onnx").isEqualTo(VerifyCommand.MISMATCH);
    }

    @Test
    void verifyPrintsALinePerFile() throws IOException {
        Files.createDirectories(dir.resolve("empty"));

        run("verify", dir.resolve("empty").toString());

        assertThat(out.toString()).as("report on an empty folder")
                .contains("FAIL decoder").contains("FAIL config").contains("ditto_onnx/decoder.onnx: missing");
    }

    @Test
    void verifyRejectsAPathThatIsNoFolder() {
        int exit = run("verify", dir.resolve("nowhere").toString());

        assertThat(exit).as("exit code for a folder that does not exist").isEqualTo(VerifyCommand.NOT_A_FOLDER);
    }

    @Test
    void configPrintsTheConfigAsJson() throws IOException {
        Path file = Files.writeString(dir.resolve("cfg.json"), CONFIG_JSON);

        run("config", file.toString());
        Path printed = Files.writeString(dir.resolve("printed.json"), out.toString());

        assertThat(DittoConfig.read(printed)).as("the printed JSON read back").isEqualTo(DittoConfig.read(file));
    }

    @Test
    void configOfAnUnreadableFileExitsNonZero() throws IOException {
        Path file = Files.writeString(dir.resolve("cfg.pkl"), "garbage");

        int exit = run("config", file.toString());

        assertThat(exit).as("exit code; stderr: %s", err).isEqualTo(ConfigCommand.UNREADABLE);
    }
}
