package dittospark.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import dittospark.audio.OfflineFeatures;
import dittospark.engine.DemoModels;
import dittospark.models.ModelContracts;
import dittospark.models.ModelSpec;
import dittospark.models.TensorSpec;
import dittospark.models.verify.GraphCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Predictors give, bit for bit, what a run over wrapped heap arrays gives, however often they are reused. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelSessionPredictorTest {
    private ModelSet models;

    @BeforeAll
    void open() throws Exception {
        models = ModelSet.open(DemoModels.folder(), Device.CPU);
    }

    @AfterAll
    void close() {
        models.close();
    }

    Stream<String> roles() {
        return ModelContracts.release().models().stream().map(ModelSpec::role);
    }

    @ParameterizedTest
    @MethodSource("roles")
    void predictorGivesTheOutputsOfWrappedHeapArrays(String role) throws Exception {
        Map<String, Object> inputs = inputs(role, 1);

        Map<String, float[]> predicted;
        try (Predictor<Map<String, Object>, Map<String, float[]>> p = predictor(role)) {
            predicted = p.predict(inputs);
        }

        Map<String, float[]> wrapped = wrappedRun(role, inputs);
        assertThat(predicted).as("outputs of %s", role).containsOnlyKeys(wrapped.keySet());
        wrapped.forEach((key, values) -> assertThat(predicted.get(key)).as("%s output %s", role, key)
                .isEqualTo(values));
    }

    @ParameterizedTest
    @MethodSource("roles")
    void aPredictorReusedForManyRunsGivesWhatFreshOnesGive(String role) throws Exception {
        List<Map<String, Object>> runs = List.of(inputs(role, 1), inputs(role, 2), inputs(role, 1), inputs(role, 3),
                inputs(role, 2));
        try (Predictor<Map<String, Object>, Map<String, float[]>> reused = predictor(role)) {
            for (int i = 0; i < runs.size(); i++) {
                Map<String, float[]> again = reused.predict(runs.get(i));
                Map<String, float[]> fresh;
                try (Predictor<Map<String, Object>, Map<String, float[]>> p = predictor(role)) {
                    fresh = p.predict(runs.get(i));
                }
                for (Map.Entry<String, float[]> e : fresh.entrySet()) {
                    assertThat(again.get(e.getKey())).as("%s output %s of run %d", role, e.getKey(), i)
                            .isEqualTo(e.getValue());
                }
            }
        }
    }

    /** Every input of the model: random floats, or a time step, seeded so that equal seeds give equal inputs. */
    private Map<String, Object> inputs(String role, long seed) throws Exception {
        Random random = new Random(seed);
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (TensorSpec t : spec(role).inputs()) {
            long[] shape = shape(role, t);
            int count = 1;
            for (long d : shape) {
                count *= Math.toIntExact(d);
            }
            if (t.type().equals(NativeTensor.INT64)) {
                long[] values = new long[count];
                for (int i = 0; i < count; i++) {
                    values[i] = random.nextInt(1000);
                }
                inputs.put(t.name(), values);
            } else {
                float[] values = new float[count];
                for (int i = 0; i < count; i++) {
                    values[i] = random.nextFloat();
                }
                inputs.put(t.name(), values);
            }
        }
        return inputs;
    }

    private long[] shape(String role, TensorSpec t) throws Exception {
        List<TensorSpec.Dim> dims = t.primaryShape();
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = dims.get(i).dynamic()
                    ? models.session(role).inputWidth(t.name(), i, OfflineFeatures.CHUNK) : dims.get(i).size();
        }
        return shape;
    }

    private Predictor<Map<String, Object>, Map<String, float[]>> predictor(String role) throws Exception {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (TensorSpec t : spec(role).inputs()) {
            shapes.put(t.name(), shape(role, t));
        }
        List<String> keys = List.copyOf(outputNames(role).keySet());
        return models.session(role).predictor(Translator.of(shapes, (values, in) -> values.forEach((name, v) -> {
            if (v instanceof long[] longs) {
                in.get(name).put(longs);
            } else {
                in.get(name).put((float[]) v);
            }
        }), out -> {
            Map<String, float[]> result = new LinkedHashMap<>();
            keys.forEach(key -> result.put(key, out.get(key).toFloats()));
            return result;
        }));
    }

    /** The run as it was before predictors: heap arrays wrapped per run, outputs copied out of the result. */
    private Map<String, float[]> wrappedRun(String role, Map<String, Object> inputs) throws Exception {
        ModelSpec spec = spec(role);
        try (OrtSession session = OrtRuntime.open(role, DemoModels.folder().resolve(spec.file()), Device.CPU).session()) {
            Map<String, OnnxTensor> feed = new LinkedHashMap<>();
            try {
                for (TensorSpec t : spec.inputs()) {
                    Object v = inputs.get(t.name());
                    feed.put(t.name(), v instanceof long[] longs
                            ? OnnxTensor.createTensor(OrtRuntime.environment(), LongBuffer.wrap(longs), shape(role, t))
                            : OnnxTensor.createTensor(OrtRuntime.environment(), FloatBuffer.wrap((float[]) v),
                            shape(role, t)));
                }
                try (OrtSession.Result result = session.run(feed)) {
                    Map<String, float[]> out = new LinkedHashMap<>();
                    for (Map.Entry<String, String> e : outputNames(role).entrySet()) {
                        FloatBuffer b = ((OnnxTensor) result.get(e.getValue()).orElseThrow()).getFloatBuffer();
                        float[] values = new float[b.remaining()];
                        b.get(values);
                        out.put(e.getKey(), values);
                    }
                    return out;
                }
            } finally {
                feed.values().forEach(OnnxTensor::close);
            }
        }
    }

    private Map<String, String> outputNames(String role) throws Exception {
        ModelSpec spec = spec(role);
        try (OrtSession session = OrtRuntime.open(role, DemoModels.folder().resolve(spec.file()), Device.CPU).session()) {
            return GraphCheck.of(spec, session).outputNames();
        }
    }

    private static ModelSpec spec(String role) {
        return ModelContracts.release().model(role);
    }
}
