package dittospark.models.cli;

import dittospark.models.verify.ModelVerifier;
import dittospark.models.verify.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code models verify DIR}: one line per file, exit 1 on any mismatch. */
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

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            spec.commandLine().getErr().println(dir + " is not a folder");
            return NOT_A_FOLDER;
        }
        VerifyReport report = new ModelVerifier().verify(dir);
        spec.commandLine().getOut().println(report.text());
        return report.passed() ? 0 : MISMATCH;
    }
}
