package dittospark.runtime;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.models.ModelSpec;
import dittospark.models.TensorSpec;
import dittospark.models.verify.GraphCheck;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One model file loaded on one device, checked against its contract when opened. Thread-safe:
 * ONNX Runtime sessions accept concurrent runs, and every native tensor lives only inside {@link #run}.
 */
public final class ModelSession implements AutoCloseable {
    private final ModelSpec spec;
    private final OrtSession session;
    private final Device device;
    /** Contract key (output name, or the key of a positional output) to the session's output name. */
    private final Map<String, String> outputNames;

    private ModelSession(ModelSpec spec, OrtSession session, Device device, Map<String, String> outputNames) {
        this.spec = spec;
        this.session = session;
        this.device = device;
        this.outputNames = outputNames;
    }

    static ModelSession open(ModelSpec spec, Path file, Device requested) throws RenderException {
        OrtRuntime.OpenedSession opened;
        try {
            opened = OrtRuntime.open(file, requested);
        } catch (OrtException e) {
            throw new RenderException(ErrorKind.MODEL_MISMATCH, spec.role() + ": ONNX Runtime cannot load "
                    + file + " (" + e.getMessage() + ")" + spec.releaseTwin()
                    .map(t -> "; " + t.why()).orElse(""), e);
        }
        try {
            Map<String, String> outputs = check(spec, opened.session());
            return new ModelSession(spec, opened.session(), opened.device(), outputs);
        } catch (RenderException | RuntimeException e) {
            closeQuietly(opened.session());
            throw e;
        }
    }

    public ModelSpec spec() {
        return spec;
    }

    /**
     * A fixed dimension of an input as the loaded model declares it, e.g. the LMDM's condition width;
     * {@code fallback} where the model leaves that axis dynamic.
     */
    public long inputWidth(String input, int axis, long fallback) throws RenderException {
        try {
            NodeInfo info = session.getInputInfo().get(input);
            if (info != null && info.getInfo() instanceof TensorInfo t && axis < t.getShape().length
                    && t.getShape()[axis] > 0) {
                return t.getShape()[axis];
            }
            return fallback;
        } catch (OrtException e) {
            throw new RenderException(ErrorKind.MODEL_MISMATCH, spec.role() + ": unreadable graph metadata", e);
        }
    }

    /** The device the session actually runs on (CPU after a CUDA fallback). */
    public Device device() {
        return device;
    }

    /**
     * Runs the model. Inputs are keyed by contract name; outputs come back keyed by contract name, or
     * by key for outputs the release identifies only by position, copied out of native memory.
     */
    public Map<String, Tensor> run(Map<String, Tensor> inputs) throws RenderException {
        OrtEnvironment env = OrtRuntime.environment();
        Map<String, OnnxTensor> native_ = new LinkedHashMap<>();
        try {
            for (TensorSpec in : spec.inputs()) {
                Tensor t = inputs.get(in.name());
                if (t == null) {
                    if (in.optional()) {
                        continue;
                    }
                    throw new IllegalArgumentException(spec.role() + ": input " + in.name() + " is missing");
                }
                if (!in.accepts(t.shape()) || !in.type().equals(t.type())) {
                    throw new RenderException(ErrorKind.MODEL_MISMATCH, spec.role() + ": input " + in.name()
                            + " must be " + in.type() + in.describeShapes() + ", got " + t);
                }
                native_.put(in.name(), t.type().equals(Tensor.FLOAT32)
                        ? OnnxTensor.createTensor(env, FloatBuffer.wrap(t.floats()), t.shape())
                        : OnnxTensor.createTensor(env, LongBuffer.wrap(t.longs()), t.shape()));
            }
            try (OrtSession.Result result = session.run(native_)) {
                Map<String, Tensor> out = new LinkedHashMap<>();
                for (Map.Entry<String, String> e : outputNames.entrySet()) {
                    out.put(e.getKey(), copy((OnnxTensor) result.get(e.getValue()).orElseThrow()));
                }
                return out;
            }
        } catch (OrtException e) {
            throw new RenderException(ErrorKind.INTERNAL, spec.role() + " failed to run: " + e.getMessage(), e);
        } finally {
            native_.values().forEach(OnnxTensor::close);
        }
    }

    private static Tensor copy(OnnxTensor t) {
        long[] shape = t.getInfo().getShape();
        if (t.getInfo().type == OnnxJavaType.INT64) {
            LongBuffer b = t.getLongBuffer();
            long[] data = new long[b.remaining()];
            b.get(data);
            return Tensor.ofLongs(data, shape);
        }
        FloatBuffer b = t.getFloatBuffer();
        float[] data = new float[b.remaining()];
        b.get(data);
        return Tensor.ofFloats(data, shape);
    }

    /** Compares the loaded graph with the contract; returns the output name for each contract key. */
    private static Map<String, String> check(ModelSpec spec, OrtSession session) throws RenderException {
        GraphCheck check;
        try {
            check = GraphCheck.of(spec, session);
        } catch (OrtException e) {
            throw new RenderException(ErrorKind.MODEL_MISMATCH, spec.role() + ": unreadable graph metadata", e);
        }
        if (!check.ok()) {
            throw new RenderException(ErrorKind.MODEL_MISMATCH, spec.role() + " does not match its contract: "
                    + String.join("; ", check.problems()));
        }
        return check.outputNames();
    }

    private static void closeQuietly(OrtSession s) {
        try {
            s.close();
        } catch (OrtException ignored) {
            // already failing with the contract error
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
