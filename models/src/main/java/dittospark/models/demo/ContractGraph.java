package dittospark.models.demo;

import dittospark.models.ModelSpec;
import dittospark.models.TensorSpec;
import dittospark.onnx.ElementType;
import dittospark.onnx.OnnxGraph;

import java.util.List;
import java.util.Map;

/** A graph whose inputs and outputs are those of a model contract: names, element types, primary shapes. */
final class ContractGraph {
    private ContractGraph() {
    }

    /**
     * Declares the contract's inputs and outputs; a dynamic axis stays dynamic unless {@code boundAxes}
     * gives its symbol a size (an axis the release fixes per model, like the LMDM's condition width).
     */
    static OnnxGraph declare(ModelSpec spec, Map<String, Long> boundAxes) {
        OnnxGraph g = new OnnxGraph(spec.role());
        for (TensorSpec t : spec.inputs()) {
            g.input(t.name(), ElementType.ofContract(t.type()), bind(t.primaryShape(), boundAxes));
        }
        List<TensorSpec> outputs = spec.outputs();
        for (int i = 0; i < outputs.size(); i++) {
            TensorSpec t = outputs.get(i);
            g.output(outputName(spec, i), ElementType.ofContract(t.type()), bind(t.primaryShape(), boundAxes));
        }
        return g;
    }

    private static List<TensorSpec.Dim> bind(List<TensorSpec.Dim> shape, Map<String, Long> boundAxes) {
        return shape.stream()
                .map(d -> d.dynamic() && boundAxes.containsKey(d.symbol()) ? TensorSpec.Dim.fixed(boundAxes.get(d.symbol())) : d)
                .toList();
    }

    /** The contract's name, or for an output the release matches by position, its key or its index. */
    static String outputName(ModelSpec spec, int index) {
        TensorSpec t = spec.outputs().get(index);
        if (!t.positional()) {
            return t.name();
        }
        return t.key() != null ? t.key() : "output_" + index;
    }

    /** A fixed dimension of the primary shape of an input or output. */
    static int dim(TensorSpec t, int axis) {
        TensorSpec.Dim d = t.primaryShape().get(axis);
        if (d.dynamic()) {
            throw new IllegalStateException(t.name() + " axis " + axis + " is dynamic");
        }
        return Math.toIntExact(d.size());
    }

    /** The primary shape, every axis fixed. */
    static long[] dims(TensorSpec t) {
        long[] dims = new long[t.primaryShape().size()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = dim(t, i);
        }
        return dims;
    }
}
