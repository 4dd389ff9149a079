package dittospark.models.verify;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dittospark.models.FaceFrontend;
import dittospark.models.ModelContracts;
import dittospark.models.ModelSpec;
import dittospark.models.config.DittoConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a model folder against the release contracts: the config parses, and every model opens
 * in ONNX Runtime (CPU) with the contract's input and output names, element types, ranks and
 * fixed dimensions. Nothing is run; only the sessions' metadata is read. Without a face front end
 * every model of the contracts is checked; with one, only those its renders open.
 */
public final class ModelVerifier {
    private static final int MAX_ERROR_CHARS = 300;

    private final ModelContracts contracts = ModelContracts.release();

    /** Checks {@code dir} (the folder holding {@code ditto_onnx/} and {@code ditto_cfg/}) for every model. */
    public VerifyReport verify(Path dir) {
        return verify(dir, contracts.models());
    }

    /** Checks {@code dir} for the models a render with {@code frontend} opens; the others may be absent. */
    public VerifyReport verify(Path dir, FaceFrontend frontend) {
        return verify(dir, contracts.models(frontend));
    }

    private VerifyReport verify(Path dir, List<ModelSpec> models) {
        List<ModelCheck> checks = new ArrayList<>();
        Optional<DittoConfig> config = checkConfig(dir, checks);
        for (ModelSpec spec : models) {
            Path file = config.map(c -> c.modelFile(dir, spec.role())).orElse(dir.resolve(spec.file()));
            checks.add(new ModelCheck(spec.role(), shown(dir, file), modelProblems(dir, spec, file)));
        }
        return new VerifyReport(checks);
    }

    /** The file of each model a render with {@code frontend} opens (null: every model), as the config names it. */
    public Map<ModelSpec, Path> modelFiles(Path dir, FaceFrontend frontend) {
        Optional<DittoConfig> config = checkConfig(dir, new ArrayList<>());
        Map<ModelSpec, Path> files = new LinkedHashMap<>();
        for (ModelSpec spec : frontend == null ? contracts.models() : contracts.models(frontend)) {
            files.put(spec, config.map(c -> c.modelFile(dir, spec.role())).orElse(dir.resolve(spec.file())));
        }
        return files;
    }

    private Optional<DittoConfig> checkConfig(Path dir, List<ModelCheck> checks) {
        for (String name : contracts.configFiles()) {
            Path file = dir.resolve(name);
            if (Files.exists(file)) {
                try {
                    DittoConfig config = DittoConfig.read(file);
                    checks.add(new ModelCheck("config", name, List.of()));
                    return Optional.of(config);
                } catch (IOException e) {
                    checks.add(new ModelCheck("config", name, List.of(e.getMessage())));
                    return Optional.empty();
                }
            }
        }
        checks.add(new ModelCheck("config", contracts.configFiles().get(0),
                List.of("missing (looked for " + String.join(", ", contracts.configFiles()) + ")")));
        return Optional.empty();
    }

    private static String shown(Path dir, Path file) {
        return (file.startsWith(dir) ? dir.relativize(file) : file).toString();
    }

    private static List<String> modelProblems(Path dir, ModelSpec spec, Path file) {
        if (!Files.isRegularFile(file)) {
            String twin = spec.releaseTwin()
                    .filter(t -> Files.exists(dir.resolve(t.file())))
                    .map(t -> "; found " + t.file() + ", which " + t.why())
                    .orElse("");
            return List.of("missing" + twin);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // only metadata is read: skip graph optimisation, which costs seconds on the large models
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(file.toString(), options)) {
                return GraphCheck.of(spec, session).problems();
            }
        } catch (OrtException e) {
            String twin = spec.releaseTwin()
                    .map(t -> " (if this is the release's " + t.file() + ": it " + t.why() + ")")
                    .orElse("");
            return List.of("ONNX Runtime cannot load it: " + firstLine(e.getMessage()) + twin);
        }
    }

    private static String firstLine(String message) {
        String line = message == null ? "unknown error" : message.lines().findFirst().orElse("").strip();
        return line.length() <= MAX_ERROR_CHARS ? line : line.substring(0, MAX_ERROR_CHARS) + "...";
    }
}
