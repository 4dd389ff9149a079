package dittospark.models.verify;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dittospark.models.ModelSpec;
import dittospark.models.TensorSpec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where ONNX Runtime places the nodes of a model on a device: the model is run once on zeros with
 * profiling on, and each node's kernel event names the provider that ran it. Nodes a GPU provider has
 * no kernel for (such as 5-D GridSample before ONNX Runtime 1.25) show up as placed on the CPU.
 */
public final class NodePlacement {
    public static final String CPU_PROVIDER = "CPUExecutionProvider";
    private static final Pattern GPU = Pattern.compile("(cuda|tensorrt):(\\d{1,4})");
    private static final String KERNEL = "_kernel_time";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Sizes of the contracts' dynamic axes for one run: L is audio samples, a second at 16 kHz for the convolutions. */
    private static final Map<String, Long> DYNAMIC = Map.of("L", 16_000L);

    private NodePlacement() {
    }

    /** The nodes of one model, each with the provider that ran it, in the order they ran. */
    public record Placement(String role, Map<String, String> nodes) {
        public List<String> onCpu() {
            return nodes.entrySet().stream().filter(e -> e.getValue().equals(CPU_PROVIDER)).map(Map.Entry::getKey)
                    .toList();
        }

        /** {@code role  N nodes, M on the CPU: a, b} (the names only where some nodes run elsewhere). */
        public String line() {
            List<String> cpu = onCpu();
            return String.format("%-26s %4d nodes, %4d on the CPU%s", role, nodes.size(), cpu.size(),
                    cpu.isEmpty() || cpu.size() == nodes.size() ? "" : ": " + String.join(", ", cpu));
        }
    }

    /**
     * Why this ONNX Runtime build cannot place nodes on {@code device} ({@code cpu}, {@code cuda:N},
     * {@code tensorrt:N}), or empty when it can try.
     */
    public static Optional<String> unavailable(String device) {
        Optional<OrtProvider> provider = provider(device);
        if (provider.isEmpty() || OrtEnvironment.getAvailableProviders().contains(provider.get())) {
            return Optional.empty();
        }
        return Optional.of(device + " requested but this ONNX Runtime build (" + OrtEnvironment.getEnvironment()
                .getVersion() + ") has no " + provider.get() + " provider (it has "
                + OrtEnvironment.getAvailableProviders() + "); GPU machines need the GPU build (mvn -Pgpu)");
    }

    /** Runs the model in {@code file} once on {@code device} and reads where its nodes ran. */
    public static Placement of(ModelSpec spec, Path file, String device) throws OrtException, IOException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Path folder = Files.createTempDirectory("placement-");
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.enableProfiling(folder.resolve(spec.role()).toString());
            Matcher gpu = GPU.matcher(device);
            if (gpu.matches()) {
                int index = Integer.parseInt(gpu.group(2));
                if (gpu.group(1).equals("tensorrt")) {
                    options.addTensorrt(index);
                }
                options.addCUDA(index);
            } else if (!device.equals("cpu")) {
                throw new IllegalArgumentException("device must be cpu, cuda:N or tensorrt:N, got '" + device + "'");
            }
            try (OrtSession session = env.createSession(file.toString(), options)) {
                Map<String, OnnxTensor> zeros = new LinkedHashMap<>();
                try {
                    Map<String, NodeInfo> declared = session.getInputInfo();
                    for (TensorSpec in : spec.inputs()) {
                        if (!in.optional()) {
                            zeros.put(in.name(), zeros(env, in, (TensorInfo) declared.get(in.name()).getInfo()));
                        }
                    }
                    session.run(zeros).close();
                } finally {
                    zeros.values().forEach(OnnxTensor::close);
                }
                return new Placement(spec.role(), nodes(Path.of(session.endProfiling())));
            }
        } finally {
            deleteAll(folder);
        }
    }

    private static Optional<OrtProvider> provider(String device) {
        Matcher gpu = GPU.matcher(device);
        if (!gpu.matches()) {
            return Optional.empty();
        }
        return Optional.of(gpu.group(1).equals("tensorrt") ? OrtProvider.TENSOR_RT : OrtProvider.CUDA);
    }

    /**
     * A tensor of zeros of the shape the model declares for the input, an axis it leaves dynamic sized
     * as {@link #DYNAMIC} says for the contract's symbol there, else 1.
     */
    private static OnnxTensor zeros(OrtEnvironment env, TensorSpec in, TensorInfo declared) throws OrtException {
        List<TensorSpec.Dim> contract = in.primaryShape();
        long[] shape = declared.getShape().clone();
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] <= 0) {
                TensorSpec.Dim d = i < contract.size() ? contract.get(i) : TensorSpec.Dim.dynamic("?");
                shape[i] = d.dynamic() ? DYNAMIC.getOrDefault(d.symbol(), 1L) : d.size();
            }
        }
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        if (in.type().equals("int64")) {
            return OnnxTensor.createTensor(env, ByteBuffer.allocateDirect((int) count * Long.BYTES)
                    .order(ByteOrder.nativeOrder()).asLongBuffer(), shape);
        }
        return OnnxTensor.createTensor(env, ByteBuffer.allocateDirect((int) count * Float.BYTES)
                .order(ByteOrder.nativeOrder()).asFloatBuffer(), shape);
    }

    /** Node name to provider, from the kernel events of an ONNX Runtime profile. */
    static Map<String, String> nodes(Path profile) throws IOException {
        Map<String, String> nodes = new LinkedHashMap<>();
        for (JsonNode event : JSON.readTree(profile.toFile())) {
            String name = event.path("name").asText();
            String provider = event.path("args").path("provider").asText("");
            if (event.path("cat").asText().equals("Node") && name.endsWith(KERNEL) && !provider.isEmpty()) {
                nodes.putIfAbsent(name.substring(0, name.length() - KERNEL.length()), provider);
            }
        }
        return nodes;
    }

    private static void deleteAll(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(folder);
    }
}
