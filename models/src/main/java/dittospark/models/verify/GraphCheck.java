package dittospark.models.verify;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dittospark.models.ModelSpec;
import dittospark.models.TensorSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a model loaded in ONNX Runtime compares with its contract: input and output names, element
 * types, ranks and fixed dimensions. The one check both the verifier and the engine's sessions apply,
 * so that a folder that verifies also loads.
 *
 * @param problems    every mismatch; empty when the model fits its contract
 * @param outputNames for each contract output found, its key (the output's name, or the meaning of an
 *                    output the release fixes only by position) and the name the model gives it
 */
public record GraphCheck(List<String> problems, Map<String, String> outputNames) {
    private static final String TYPE_PREFIX = "ONNX_TENSOR_ELEMENT_DATA_TYPE_";

    public GraphCheck {
        problems = List.copyOf(problems);
        outputNames = Collections.unmodifiableMap(new LinkedHashMap<>(outputNames));
    }

    /** Reads the session's metadata only; nothing is run. */
    public static GraphCheck of(ModelSpec spec, OrtSession session) throws OrtException {
        List<String> problems = inputProblems(spec, session.getInputInfo());
        Map<String, String> names = new LinkedHashMap<>();
        problems.addAll(outputProblems(spec, session.getOutputInfo(), names));
        return new GraphCheck(problems, names);
    }

    public boolean ok() {
        return problems.isEmpty();
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
    private static List<String> outputProblems(ModelSpec spec, Map<String, NodeInfo> outputs,
                                               Map<String, String> names) {
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
            names.put(expected.positional() ? expected.key() : expected.name(), name);
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
}
