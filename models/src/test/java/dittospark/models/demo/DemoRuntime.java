package dittospark.models.demo;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dittospark.models.ModelContracts;
import dittospark.models.TensorSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the demo models, written once per test JVM into a temporary folder, through ONNX Runtime. */
final class DemoRuntime {
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
    private static Path dir;

    private DemoRuntime() {
    }

    static synchronized Path dir() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("demo-models");
                DemoModelSet.write(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    static Path file(String role) {
        return dir().resolve(ModelContracts.release().model(role).file());
    }

    static OrtSession session(String role) throws OrtException {
        return ENV.createSession(file(role).toString(), new OrtSession.SessionOptions());
    }

    /** A float input. */
    static Input floats(float[] data, long... shape) {
        return new Input(data, null, shape);
    }

    /** An int64 input. */
    static Input longs(long[] data, long... shape) {
        return new Input(null, data, shape);
    }

    /** Runs the model once and copies every output out as a flat float array, in output order. */
    static List<float[]> run(String role, Map<String, Input> inputs) throws OrtException {
        try (OrtSession session = session(role)) {
            Map<String, OnnxTensor> tensors = new LinkedHashMap<>();
            try {
                for (Map.Entry<String, Input> in : inputs.entrySet()) {
                    tensors.put(in.getKey(), in.getValue().tensor());
                }
                try (OrtSession.Result result = session.run(tensors)) {
                    List<float[]> outputs = new ArrayList<>();
                    for (Map.Entry<String, ai.onnxruntime.OnnxValue> out : result) {
                        FloatBuffer b = ((OnnxTensor) out.getValue()).getFloatBuffer();
                        float[] copy = new float[b.remaining()];
                        b.get(copy);
                        outputs.add(copy);
                    }
                    return outputs;
                }
            } finally {
                tensors.values().forEach(OnnxTensor::close);
            }
        }
    }

    /** Runs a model with fixed-shape float inputs on all-zero inputs of the contract's shapes. */
    static List<float[]> runOnZeros(String role) throws OrtException {
        Map<String, Input> inputs = new LinkedHashMap<>();
        for (TensorSpec t : ModelContracts.release().model(role).inputs()) {
            long[] shape = t.primaryShape().stream().mapToLong(TensorSpec.Dim::size).toArray();
            inputs.put(t.name(), floats(new float[Math.toIntExact(Arrays.stream(shape).reduce(1, (a, b) -> a * b))], shape));
        }
        return run(role, inputs);
    }

    record Input(float[] floats, long[] longs, long[] shape) {
        OnnxTensor tensor() throws OrtException {
            return floats != null
                    ? OnnxTensor.createTensor(ENV, FloatBuffer.wrap(floats), shape)
                    : OnnxTensor.createTensor(ENV, LongBuffer.wrap(longs), shape);
        }
    }
}
