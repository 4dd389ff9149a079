package dittospark.runtime;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.models.ModelSpec;
import dittospark.models.TensorSpec;
import dittospark.models.verify.GraphCheck;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One model file loaded on one device, checked against its contract when opened: the long-lived part
 * of a model, shared by every render of the JVM. Thread-safe: ONNX Runtime sessions accept concurrent
 * runs. Runs go through a {@link Predictor}, which owns the tensors of one thread's runs.
 */
public final class ModelSession implements AutoCloseable {
    private final ModelSpec spec;
    private final Path file;
    private final boolean batched;
    private final OrtSession session;
    private final Device device;
    private final Optional<Duration> engineBuild;
    /** Contract key (output name, or the key of a positional output) to that output of the graph. */
    private final Map<String, Output> outputs;

    /** A contract output as the loaded graph declares it; {@code fixedShape} null where an axis is dynamic. */
    private record Output(String name, String type, long[] fixedShape) {
    }

    private ModelSession(ModelSpec spec, Path file, boolean batched, OrtSession session, Device device,
                         Optional<Duration> engineBuild, Map<String, Output> outputs) {
        this.spec = spec;
        this.file = file;
        this.batched = batched;
        this.session = session;
        this.device = device;
        this.engineBuild = engineBuild;
        this.outputs = outputs;
    }

    static ModelSession open(ModelSpec spec, Path file, Device requested) throws RenderException {
        return open(spec, file, requested, false);
    }

    /**
     * The session of {@code file}; {@code batched}: a rewrite whose inputs and outputs have a symbolic
     * first axis ({@link BatchedModels}), whose predictors run several frames per call.
     */
    static ModelSession open(ModelSpec spec, Path file, Device requested, boolean batched) throws RenderException {
        OrtRuntime.OpenedSession opened;
        try {
            opened = OrtRuntime.open(spec.role(), file, requested);
        } catch (OrtException e) {
            throw new RenderException(ErrorKind.MODEL_MISMATCH, spec.role() + ": ONNX Runtime cannot load "
                    + file + " (" + e.getMessage() + ")" + spec.releaseTwin()
                    .map(t -> "; " + t.why()).orElse(""), e);
        }
        try {
            Map<String, Output> outputs = outputs(spec, opened.session(), check(spec, opened.session()));
            return new ModelSession(spec, file, batched, opened.session(), opened.device(), opened.engineBuild(),
                    outputs);
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

    /** The model file the session runs. */
    Path file() {
        return file;
    }

    /** Whether a run takes any number of frames along the first axis, rather than the contract's one. */
    public boolean batched() {
        return batched;
    }

    /** The device the session runs on. */
    public Device device() {
        return device;
    }

    /** How long opening took to build the TensorRT engine; empty where none was built (cached, or no TensorRT). */
    public Optional<Duration> engineBuild() {
        return engineBuild;
    }

    /**
     * A predictor for this model that allocates the translator's inputs and every output of a fixed
     * shape now, so that its runs allocate no native memory. One thread uses it at a time. On a
     * {@link #batched} session the inputs' first axis is the translator's batch, and the outputs, whose
     * first axis follows it, are allocated by the first run.
     */
    public <I, O> Predictor<I, O> predictor(Translator<I, O> translator) throws RenderException {
        Map<String, NativeTensor> inputs = new LinkedHashMap<>();
        Map<String, NativeTensor> pinned = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, long[]> e : translator.inputShapes().entrySet()) {
                TensorSpec in = spec.input(e.getKey());
                if (!in.accepts(batched ? oneFrame(e.getValue()) : e.getValue())) {
                    throw new RenderException(ErrorKind.MODEL_MISMATCH, spec.role() + ": input " + in.name()
                            + " must be " + in.type() + in.describeShapes() + ", got "
                            + NativeTensor.describe(e.getValue()));
                }
                inputs.put(in.name(), NativeTensor.allocate(in.type(), e.getValue()));
            }
            for (Map.Entry<String, Output> e : outputs.entrySet()) {
                if (e.getValue().fixedShape() != null) {
                    pinned.put(e.getKey(), NativeTensor.allocate(e.getValue().type(), e.getValue().fixedShape()));
                }
            }
            return new Predictor<>(this, translator, inputs, pinned);
        } catch (RenderException | RuntimeException e) {
            inputs.values().forEach(NativeTensor::close);
            pinned.values().forEach(NativeTensor::close);
            throw e;
        }
    }

    /**
     * One run: reads {@code inputs} (by input name) in place and writes each output into its tensor in
     * {@code outputs} (by contract key). An output missing there, one the graph leaves dynamic, is
     * allocated by ONNX Runtime this once, copied into a new tensor of the shape it came out with, and
     * put into {@code outputs}, so that later runs write it in place too.
     */
    void run(Map<String, NativeTensor> inputs, Map<String, NativeTensor> results) throws RenderException {
        Map<String, OnnxTensor> feed = new LinkedHashMap<>();
        for (TensorSpec in : spec.inputs()) {
            NativeTensor t = inputs.get(in.name());
            if (t != null) {
                feed.put(in.name(), t.onnx());
            } else if (!in.optional()) {
                throw new IllegalArgumentException(spec.role() + ": input " + in.name() + " is missing");
            }
        }
        Map<String, OnnxTensor> pinned = new LinkedHashMap<>();
        Set<String> requested = new LinkedHashSet<>();
        for (Map.Entry<String, Output> e : outputs.entrySet()) {
            NativeTensor t = results.get(e.getKey());
            if (t != null) {
                pinned.put(e.getValue().name(), t.onnx());
            } else {
                requested.add(e.getValue().name());
            }
        }
        try (OrtSession.Result result = session.run(feed, requested, pinned)) {
            for (Map.Entry<String, Output> e : outputs.entrySet()) {
                if (requested.contains(e.getValue().name())) {
                    results.put(e.getKey(), copy((OnnxTensor) result.get(e.getValue().name()).orElseThrow()));
                }
            }
        } catch (OrtException e) {
            throw new RenderException(ErrorKind.INTERNAL, spec.role() + " failed to run: " + e.getMessage(), e);
        }
    }

    private static long[] oneFrame(long[] shape) {
        long[] one = shape.clone();
        if (one.length > 0) {
            one[0] = 1;
        }
        return one;
    }

    private static NativeTensor copy(OnnxTensor t) throws RenderException {
        long[] shape = t.getInfo().getShape();
        if (t.getInfo().type == OnnxJavaType.INT64) {
            NativeTensor out = NativeTensor.allocate(NativeTensor.INT64, shape);
            out.longs().put(t.getLongBuffer());
            return out;
        }
        NativeTensor out = NativeTensor.allocate(NativeTensor.FLOAT32, shape);
        out.floats().put(t.getFloatBuffer());
        return out;
    }

    /** Each contract output the check found, with the type and shape the graph gives it. */
    private static Map<String, Output> outputs(ModelSpec spec, OrtSession session, Map<String, String> names)
            throws RenderException {
        Map<String, NodeInfo> info;
        try {
            info = session.getOutputInfo();
        } catch (OrtException e) {
            throw new RenderException(ErrorKind.MODEL_MISMATCH, spec.role() + ": unreadable graph metadata", e);
        }
        Map<String, Output> out = new LinkedHashMap<>();
        names.forEach((key, name) -> {
            TensorInfo t = (TensorInfo) info.get(name).getInfo();
            long[] shape = t.getShape();
            out.put(key, new Output(name, t.type == OnnxJavaType.INT64 ? NativeTensor.INT64 : NativeTensor.FLOAT32,
                    Arrays.stream(shape).allMatch(d -> d > 0) ? shape : null));
        });
        return Collections.unmodifiableMap(out);
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
