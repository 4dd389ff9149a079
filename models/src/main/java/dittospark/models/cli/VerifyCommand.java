package dittospark.models.cli;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dittospark.models.FaceFrontend;
import dittospark.models.ModelSpec;
import dittospark.models.verify.NodePlacement;
import dittospark.models.verify.ModelVerifier;
import dittospark.models.verify.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code models verify [--face-frontend NAME] [--device DEVICE] DIR}: one line per file, exit 1 on any
 * mismatch; with a device, then one line per model saying how many of its nodes ONNX Runtime placed on
 * the CPU, and which.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check that DIR holds a readable config and every model with the tensor names, "
                + "types and shapes the renderer expects. Exit code 1 on any mismatch.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every file matches", "1:a file is missing or does not match", "2:DIR is not a folder",
                "3:the device cannot be used (DEVICE_UNAVAILABLE)"})
final class VerifyCommand implements Callable<Integer> {
    static final int MISMATCH = 1;
    static final int NOT_A_FOLDER = 2;
    static final int DEVICE_UNAVAILABLE = 3;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "model folder holding ditto_onnx/ and ditto_cfg/")
    Path dir;

    @Option(names = "--face-frontend", paramLabel = "NAME",
            description = "check only the models renders with this face front end open (reference or mediapipe; "
                    + "mediapipe needs neither insightface_det, landmark106 nor landmark203); default: every model")
    String faceFrontend;

    @Option(names = "--device", paramLabel = "DEVICE", description = "also run each model once on zeros on this "
            + "device (cpu, cuda:N or tensorrt:N) and list, per model, the nodes ONNX Runtime placed on the CPU")
    String device;

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
        if (device != null && report.passed()) {
            return placement(verifier.modelFiles(dir, faceFrontend == null ? null : FaceFrontend.of(faceFrontend)));
        }
        return report.passed() ? 0 : MISMATCH;
    }

    private int placement(Map<ModelSpec, Path> models) {
        Optional<String> unavailable;
        try {
            unavailable = NodePlacement.unavailable(device);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (unavailable.isPresent()) {
            spec.commandLine().getErr().println("DEVICE_UNAVAILABLE: " + unavailable.get());
            return DEVICE_UNAVAILABLE;
        }
        spec.commandLine().getOut().println("ONNX Runtime " + OrtEnvironment.getEnvironment().getVersion()
                + ", providers " + OrtEnvironment.getAvailableProviders() + "; node placement on " + device + ":");
        for (Map.Entry<ModelSpec, Path> m : models.entrySet()) {
            try {
                spec.commandLine().getOut().println(NodePlacement.of(m.getKey(), m.getValue(), device).line());
            } catch (OrtException | IOException e) {
                spec.commandLine().getErr().println("DEVICE_UNAVAILABLE: " + m.getKey().role() + " cannot run on "
                        + device + ": " + e.getMessage());
                return DEVICE_UNAVAILABLE;
            }
        }
        return 0;
    }
}
