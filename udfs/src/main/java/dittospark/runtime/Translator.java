package dittospark.runtime;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * What one model takes and gives in the pipeline's own types: which values go into which input, with
 * the input shapes a {@link Predictor} allocates once, and what is read from the outputs. The numerics
 * around a model (crops, normalisation, decoding) stay with their codecs; a translator only moves
 * their arrays into and out of tensors.
 *
 * @param <I> what a prediction takes
 * @param <O> what a prediction gives
 */
public interface Translator<I, O> {
    /** Each input the predictor allocates, with its shape for the predictor's whole life. */
    Map<String, long[]> inputShapes();

    /** Writes {@code input} into the inputs before a run. */
    void processInput(I input, Inputs inputs);

    /** Reads the result out of the outputs after a run. */
    O processOutput(Outputs outputs);

    /** The inputs of the run about to start, by contract name. */
    interface Inputs {
        /** An input the predictor allocated for this translator's {@link #inputShapes()}. */
        NativeTensor get(String name);

        /**
         * Feeds {@code tensor}, held by someone else, as input {@code name} from this run on: a value made
         * once and read by many runs, or another model's output, so that it is never copied.
         */
        void bind(String name, NativeTensor tensor);
    }

    /** The outputs of the run just done, by contract key; valid until the next run or the predictor's close. */
    interface Outputs {
        NativeTensor get(String key);
    }

    static <I, O> Translator<I, O> of(Map<String, long[]> inputShapes, BiConsumer<I, Inputs> in,
                                      Function<Outputs, O> out) {
        Map<String, long[]> shapes = Map.copyOf(inputShapes);
        return new Translator<>() {
            @Override
            public Map<String, long[]> inputShapes() {
                return shapes;
            }

            @Override
            public void processInput(I input, Inputs inputs) {
                in.accept(input, inputs);
            }

            @Override
            public O processOutput(Outputs outputs) {
                return out.apply(outputs);
            }
        };
    }
}
