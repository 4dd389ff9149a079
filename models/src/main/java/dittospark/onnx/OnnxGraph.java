package dittospark.onnx;

import com.google.protobuf.ByteString;
import dittospark.models.TensorSpec;
import dittospark.onnx.proto.AttributeProto;
import dittospark.onnx.proto.GraphProto;
import dittospark.onnx.proto.ModelProto;
import dittospark.onnx.proto.NodeProto;
import dittospark.onnx.proto.OperatorSetIdProto;
import dittospark.onnx.proto.TensorProto;
import dittospark.onnx.proto.TensorShapeProto;
import dittospark.onnx.proto.TypeProto;
import dittospark.onnx.proto.ValueInfoProto;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A fluent builder of one ONNX graph in the default operator domain, written as a model file.
 * Nodes are added in the order they are created, which keeps the graph topologically sorted
 * as long as every node only uses values created before it.
 */
public final class OnnxGraph {
    /** ONNX 1.15: the first opset whose GridSample accepts 5-D input. */
    public static final int OPSET = 20;
    private static final int IR_VERSION = 9;

    private final GraphProto.Builder graph;
    private int nextValue;

    public OnnxGraph(String name) {
        graph = GraphProto.newBuilder().setName(name);
    }

    public OnnxGraph input(String name, ElementType type, List<TensorSpec.Dim> shape) {
        graph.addInput(valueInfo(name, type, shape));
        return this;
    }

    public OnnxGraph output(String name, ElementType type, List<TensorSpec.Dim> shape) {
        graph.addOutput(valueInfo(name, type, shape));
        return this;
    }

    /** A float constant; no dims makes a scalar. Returns the value's name. */
    public String constant(float[] values, long... dims) {
        ByteBuffer raw = littleEndian(values.length * Float.BYTES);
        raw.asFloatBuffer().put(values);
        return initializer(ElementType.FLOAT, raw, values.length, dims);
    }

    /** An int64 constant; no dims makes a scalar. Returns the value's name. */
    public String constant(long[] values, long... dims) {
        ByteBuffer raw = littleEndian(values.length * Long.BYTES);
        raw.asLongBuffer().put(values);
        return initializer(ElementType.INT64, raw, values.length, dims);
    }

    public String scalar(float value) {
        return constant(new float[] {value});
    }

    /** A 1-D int64 constant, the form shape, axis and index operands take. */
    public String ints(long... values) {
        return constant(values, values.length);
    }

    /** Starts a node; an empty input name marks an omitted optional input. */
    public Node node(String opType, String... inputs) {
        return new Node(opType, inputs);
    }

    public ModelProto model() {
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("dittospark")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph)
                .build();
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            model().writeTo(out);
        }
    }

    private String freshName(String stem) {
        return stem + "_" + nextValue++;
    }

    /** ONNX stores raw tensor data little-endian, whatever the platform. */
    private static ByteBuffer littleEndian(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private String initializer(ElementType type, ByteBuffer raw, int count, long[] dims) {
        long expected = Arrays.stream(dims).reduce(1, (a, b) -> a * b);
        if (expected != count) {
            throw new IllegalArgumentException(count + " values do not fill shape " + Arrays.toString(dims));
        }
        TensorProto.Builder t = TensorProto.newBuilder().setName(freshName("const")).setDataType(type.code())
                .setRawData(ByteString.copyFrom(raw.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return t.getName();
    }

    private static ValueInfoProto valueInfo(String name, ElementType type, List<TensorSpec.Dim> shape) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        for (TensorSpec.Dim d : shape) {
            s.addDim(d.dynamic()
                    ? TensorShapeProto.Dimension.newBuilder().setDimParam(d.symbol())
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(d.size()));
        }
        TypeProto.Tensor tensorType = TypeProto.Tensor.newBuilder().setElemType(type.code()).setShape(s).build();
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(tensorType)).build();
    }

    /** One node under construction: attributes, then its output name(s), which adds it to the graph. */
    public final class Node {
        private final NodeProto.Builder node;

        private Node(String opType, String[] inputs) {
            node = NodeProto.newBuilder().setOpType(opType).addAllInput(Arrays.asList(inputs));
        }

        public Node attr(String name, long value) {
            return attr(AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value));
        }

        public Node attr(String name, float value) {
            return attr(AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value));
        }

        public Node attr(String name, String value) {
            return attr(AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                    .setS(ByteString.copyFromUtf8(value)));
        }

        public Node attrInts(String name, long... values) {
            AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
            for (long v : values) {
                a.addInts(v);
            }
            return attr(a);
        }

        /** A tensor attribute holding one float, as ConstantOfShape takes its fill value. */
        public Node attrTensor(String name, float value) {
            TensorProto t = TensorProto.newBuilder().setDataType(ElementType.FLOAT.code()).addDims(1)
                    .addFloatData(value).build();
            return attr(AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.TENSOR).setT(t));
        }

        private Node attr(AttributeProto.Builder a) {
            node.addAttribute(a);
            return this;
        }

        /** Adds the node with one output of a fresh name and returns that name. */
        public String out() {
            return out(freshName(node.getOpType()));
        }

        /** Adds the node with one output of the given name (a graph output's name, say). */
        public String out(String name) {
            graph.addNode(node.addOutput(name).setName(name));
            return name;
        }
    }
}
