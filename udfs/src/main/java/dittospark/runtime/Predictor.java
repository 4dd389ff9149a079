package dittospark.runtime;

import dittospark.errors.RenderException;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one model for one thread of one render: owns the input tensors its translator fills and the
 * outputs the model writes, made once and reused by every {@link #predict}, so that a run allocates
 * no native memory. Not thread-safe; closing frees every tensor it owns.
 *
 * @param <I> what a prediction takes
 * @param <O> what a prediction gives
 */
public final class Predictor<I, O> implements AutoCloseable {
    private final ModelSession session;
    private final Translator<I, O> translator;
    /** The tensors this predictor allocated for its translator's inputs. */
    private final Map<String, NativeTensor> owned;
    /** What the next run reads: the owned inputs and those bound from elsewhere. */
    private final Map<String, NativeTensor> inputs;
    private final Map<String, NativeTensor> outputs;
    private final Translator.Inputs inputView = new Translator.Inputs() {
        @Override
        public NativeTensor get(String name) {
            NativeTensor t = owned.get(name);
            if (t == null) {
                throw new IllegalArgumentException(role() + ": the translator declared no input " + name);
            }
            return t;
        }

        @Override
        public void bind(String name, NativeTensor tensor) {
            if (owned.containsKey(name)) {
                throw new IllegalArgumentException(role() + ": input " + name + " is allocated by the predictor");
            }
            inputs.put(name, tensor);
        }
    };
    private final Translator.Outputs outputView = this::output;
    private boolean closed;

    Predictor(ModelSession session, Translator<I, O> translator, Map<String, NativeTensor> owned,
              Map<String, NativeTensor> outputs) {
        this.session = session;
        this.translator = translator;
        this.owned = Map.copyOf(owned);
        this.inputs = new HashMap<>(owned);
        this.outputs = new LinkedHashMap<>(outputs);
    }

    /**
     * Fills the inputs from {@code input}, runs the model and reads the result. A result that is an
     * output tensor itself stays valid until the next prediction or the close.
     */
    public O predict(I input) throws RenderException {
        if (closed) {
            throw new IllegalStateException("the predictor of " + role() + " is closed");
        }
        translator.processInput(input, inputView);
        session.run(inputs, outputs);
        return translator.processOutput(outputView);
    }

    private NativeTensor output(String key) {
        NativeTensor t = outputs.get(key);
        if (t == null) {
            throw new IllegalArgumentException(role() + " has no output " + key + " (outputs: " + outputs.keySet() + ")");
        }
        return t;
    }

    private String role() {
        return session.spec().role();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            owned.values().forEach(NativeTensor::close);
            outputs.values().forEach(NativeTensor::close);
        }
    }
}
