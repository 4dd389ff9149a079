package dittospark.models.cli;

import dittospark.models.FaceFrontend;
import dittospark.models.verify.ModelVerifier;
import dittospark.models.verify.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code models verify [--face-frontend NAME] DIR}: one line per file, exit 1 on any mismatch. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check that DIR holds a readable config and every model with the tensor names, "
                + "types and shapes the renderer expects. Exit code 1 on any mismatch.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every file matches", "1:a file is missing or does not match", "2:DIR is not a folder"})
final class VerifyCommand implements Callable<Integer> {
    static final int MISMATCH = 1;
    static final int NOT_A_FOLDER = 2;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "model folder holding ditto_onnx/ and ditto_cfg/")
    Path dir;

    @Option(names = "--face-frontend", paramLabel = "NAME",
            description = "check only the models renders with this face front end open (reference or mediapipe; "
                    + "mediapipe needs neither insightface_det, landmark106 nor landmark203); default: every model")
    String faceFrontend;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            spec.commandLine().getErr().println(dir + " is not a folder");
            return NOT_A_FOLDER;
        }
        ModelVerifier verifier = new ModelVerifier();
        VerifyReport report;
        try {
            report = faceFrontend == null ? verifier.verify(dir) : verifier.verify(dir, FaceFrontend.of(faceFrontend));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        spec.commandLine().getOut().println(report.text());
        return report.passed() ? 0 : MISMATCH;
    }
}
