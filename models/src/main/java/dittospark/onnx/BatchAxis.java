package dittospark.onnx;

import dittospark.onnx.proto.AttributeProto;
import dittospark.onnx.proto.GraphProto;
import dittospark.onnx.proto.ModelProto;
import dittospark.onnx.proto.NodeProto;
import dittospark.onnx.proto.TensorProto;
import dittospark.onnx.proto.TensorShapeProto;
import dittospark.onnx.proto.ValueInfoProto;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a model can run several frames per call, and the model rewritten to: its inputs' and outputs'
 * first axis made a symbolic batch. A model qualifies when no node pins that axis, which exporters do
 * with constant shape operands ({@code Reshape} to {@code [1, ...]}) and with slicing or joining along
 * axis 0; shapes computed from the input ({@code Shape} and friends) follow the batch on their own.
 */
public final class BatchAxis {
    /** The name of the symbolic batch axis of rewritten models. */
    public static final String SYMBOL = "batch";
    /** Operators whose input 1 is a shape, and whose constant first entry other than 0 or -1 pins the batch. */
    private static final Map<String, Integer> SHAPE_OPERAND = Map.of("Reshape", 1, "Expand", 1, "Tile", 1);

    private BatchAxis() {
    }

    /** Why {@code model} cannot run a batch of frames per call, or empty when it can. */
    public static Optional<String> whyNot(ModelProto model) {
        GraphProto g = model.getGraph();
        Map<String, TensorProto> constants = new HashMap<>();
        g.getInitializerList().forEach(t -> constants.put(t.getName(), t));
        for (ValueInfoProto v : g.getInputList()) {
            if (!constants.containsKey(v.getName()) && !leadingOne(v)) {
                return Optional.of("input " + v.getName() + " has no leading axis of 1 to turn into a batch");
            }
        }
        for (NodeProto n : g.getNodeList()) {
            Integer operand = SHAPE_OPERAND.get(n.getOpType());
            if (operand != null && n.getInputCount() > operand && constants.containsKey(n.getInput(operand))) {
                long first = firstInt64(constants.get(n.getInput(operand)));
                if (first != 0 && first != -1) {
                    return Optional.of(n.getOpType() + " " + n.getName() + " fixes the batch axis to " + first);
                }
            }
            if (n.getOpType().equals("ConstantOfShape") && constants.containsKey(n.getInput(0))) {
                return Optional.of("ConstantOfShape " + n.getName() + " makes a tensor of a fixed batch");
            }
            boolean tableLookup = n.getOpType().equals("Gather") && constants.containsKey(n.getInput(0));
            if ((n.getOpType().equals("Concat") || n.getOpType().equals("Split") || n.getOpType().equals("Gather"))
                    && axis(n) == 0 && !tableLookup) {
                return Optional.of(n.getOpType() + " " + n.getName() + " works along the batch axis");
            }
            if (n.getOpType().equals("Slice") && n.getInputCount() > 3 && constants.containsKey(n.getInput(3))
                    && firstInt64(constants.get(n.getInput(3))) == 0) {
                return Optional.of("Slice " + n.getName() + " cuts along the batch axis");
            }
        }
        return Optional.empty();
    }

    /**
     * {@code model} with the first axis of every graph input and output named {@link #SYMBOL}, and the
     * inner shapes dropped for ONNX Runtime to infer again.
     *
     * @throws IllegalArgumentException when {@link #whyNot} gives a reason
     */
    public static ModelProto batched(ModelProto model) {
        whyNot(model).ifPresent(why -> {
            throw new IllegalArgumentException("cannot batch: " + why);
        });
        GraphProto.Builder g = model.getGraph().toBuilder().clearValueInfo();
        Map<String, Boolean> initializers = new HashMap<>();
        g.getInitializerList().forEach(t -> initializers.put(t.getName(), true));
        for (int i = 0; i < g.getInputCount(); i++) {
            if (!initializers.containsKey(g.getInput(i).getName())) {
                g.setInput(i, batchedAxis(g.getInput(i)));
            }
        }
        for (int i = 0; i < g.getOutputCount(); i++) {
            g.setOutput(i, batchedAxis(g.getOutput(i)));
        }
        return model.toBuilder().setGraph(g).build();
    }

    private static boolean leadingOne(ValueInfoProto v) {
        TensorShapeProto shape = v.getType().getTensorType().getShape();
        return shape.getDimCount() > 0 && shape.getDim(0).hasDimValue() && shape.getDim(0).getDimValue() == 1;
    }

    private static ValueInfoProto batchedAxis(ValueInfoProto v) {
        ValueInfoProto.Builder b = v.toBuilder();
        TensorShapeProto.Builder shape = b.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder();
        if (shape.getDimCount() > 0) {
            shape.setDim(0, TensorShapeProto.Dimension.newBuilder().setDimParam(SYMBOL));
        }
        return b.build();
    }

    private static long axis(NodeProto n) {
        for (AttributeProto a : n.getAttributeList()) {
            if (a.getName().equals("axis")) {
                return a.getI();
            }
        }
        return 0;
    }

    private static long firstInt64(TensorProto t) {
        if (t.getInt64DataCount() > 0) {
            return t.getInt64Data(0);
        }
        ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        return raw.remaining() >= Long.BYTES ? raw.getLong(0) : 0;
    }
}
