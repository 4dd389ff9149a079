package dittospark.models.verify;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dittospark.models.ModelContracts;
import dittospark.models.ModelSpec;
import dittospark.models.TensorSpec;
import dittospark.models.config.DittoConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a model folder against the release contracts: the config parses, and every model opens
 * in ONNX Runtime (CPU) with the contract's input and output names, element types, ranks and
 * fixed dimensions. Nothing is run; only the sessions' metadata is read.
 */
public final class ModelVerifier {
    private static final String TYPE_PREFIX = "ONNX_TENSOR_ELEMENT_DATA_TYPE_";
    private static final int MAX_ERROR_CHARS = 300;

    private final ModelContracts contracts = ModelContracts.release();

    /** Checks {@code dir} (the folder holding {@code ditto_onnx/} and {@code ditto_cfg/}). */
    public VerifyReport verify(Path dir) {
        List<ModelCheck> checks = new ArrayList<>();
        Optional<DittoConfig> config = checkConfig(dir, checks);
        for (ModelSpec spec : contracts.models()) {
            Path file = config.map(c -> c.modelFile(dir, spec.role())).orElse(dir.resolve(spec.file()));
            checks.add(new ModelCheck(spec.role(), shown(dir, file), modelProblems(dir, spec, file)));
        }
        return new VerifyReport(checks);
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
                List<String> problems = new ArrayList<>(inputProblems(spec, session.getInputInfo()));
                problems.addAll(outputProblems(spec, session.getOutputInfo()));
                return problems;
            }
        } catch (OrtException e) {
            String twin = spec.releaseTwin()
                    .map(t -> " (if this is the release's " + t.file() + ": it " + t.why() + ")")
                    .orElse("");
            return List.of("ONNX Runtime cannot load it: " + firstLine(e.getMessage()) + twin);
        }
    }

    private static List<String> inputProblems(ModelSpec spec, Map<String, NodeInfo> inputs) {
        List<String> problems = new ArrayList<>();
        for (TensorSpec expected : spec.inputs()) {
            NodeInfo actual = inputs.get(expected.name());
            if (actual == null) {
                if (!expected.optional()) {
                    problems.add("no input '" + expected.name() + "' (inputs: " + inputs.keySet() + ")");
                }
            } else {
                tensorProblem("input '" + expected.name() + "'", expected, actual).ifPresent(problems::add);
            }
        }
        Set<String> known = spec.inputs().stream().map(TensorSpec::name).collect(Collectors.toSet());
        inputs.keySet().stream().filter(n -> !known.contains(n))
                .forEach(n -> problems.add("unexpected input '" + n + "'"));
        return problems;
    }

    /** Named outputs are found by name, {@code "*"} outputs by their position in the model. */
    private static List<String> outputProblems(ModelSpec spec, Map<String, NodeInfo> outputs) {
        List<String> problems = new ArrayList<>();
        List<String> order = new ArrayList<>(outputs.keySet());
        Set<String> matched = new HashSet<>();
        List<TensorSpec> expectedOutputs = spec.outputs();
        for (int i = 0; i < expectedOutputs.size(); i++) {
            TensorSpec expected = expectedOutputs.get(i);
            String name = expected.positional() ? (i < order.size() ? order.get(i) : null) : expected.name();
            String label = expected.positional()
                    ? "output #" + i + (expected.key() == null ? "" : " (" + expected.key() + ")")
                    : "output '" + expected.name() + "'";
            NodeInfo actual = name == null ? null : outputs.get(name);
            if (actual == null) {
                if (!expected.optional()) {
                    problems.add("no " + label + " (outputs: " + order + ")");
                }
                continue;
            }
            matched.add(name);
            tensorProblem(label + (expected.positional() ? " '" + name + "'" : ""), expected, actual)
                    .ifPresent(problems::add);
        }
        if (!spec.extraOutputs()) {
            order.stream().filter(n -> !matched.contains(n))
                    .forEach(n -> problems.add("unexpected output '" + n + "'"));
        }
        return problems;
    }

    private static Optional<String> tensorProblem(String label, TensorSpec expected, NodeInfo actual) {
        if (!(actual.getInfo() instanceof TensorInfo info)) {
            return Optional.of(label + " is not a tensor but " + actual.getInfo());
        }
        List<String> wrong = new ArrayList<>();
        String type = typeName(info);
        if (!type.equals(expected.type())) {
            wrong.add("type " + type + ", expected " + expected.type());
        }
        long[] shape = info.getShape();
        if (!expected.accepts(shape)) {
            wrong.add("shape " + describe(shape) + ", expected " + expected.describeShapes());
        }
        return wrong.isEmpty() ? Optional.empty() : Optional.of(label + ": " + String.join(", ", wrong));
    }

    /** The element type as the contracts spell it: {@code float32}, {@code int64}, ... */
    private static String typeName(TensorInfo info) {
        String name = info.onnxType.name().substring(TYPE_PREFIX.length()).toLowerCase(Locale.ROOT);
        return switch (name) {
            case "float" -> "float32";
            case "double" -> "float64";
            default -> name;
        };
    }

    private static String describe(long[] shape) {
        return Arrays.stream(shape).mapToObj(d -> d < 0 ? "?" : Long.toString(d))
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String firstLine(String message) {
        String line = message == null ? "unknown error" : message.lines().findFirst().orElse("").strip();
        return line.length() <= MAX_ERROR_CHARS ? line : line.substring(0, MAX_ERROR_CHARS) + "...";
    }
}
