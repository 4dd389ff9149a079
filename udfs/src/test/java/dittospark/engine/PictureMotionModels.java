package dittospark.engine;

import dittospark.onnx.proto.AttributeProto;
import dittospark.onnx.proto.GraphProto;
import dittospark.onnx.proto.ModelProto;
import dittospark.onnx.proto.NodeProto;
import dittospark.onnx.proto.TensorProto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo model set with a motion extractor whose scale and keypoints follow the crop's mean value m
 * (in 0..1): scale = {@value #SCALE_BASE} + m and kp = the canonical keypoints + {@value #KP_GAIN} m.
 * Every frame of a panning video then has motion of its own, and a darker picture a smaller scale.
 */
final class PictureMotionModels {
    static final float SCALE_BASE = 0.5f;
    static final float KP_GAIN = 0.01f;
    private static final String EXTRACTOR = "ditto_onnx/motion_extractor.onnx";

    private PictureMotionModels() {
    }

    /** Writes the set into {@code dir} (a new, empty folder) and returns it. */
    static Path write(Path dir) throws IOException {
        Path demo = DemoModels.folder();
        try (Stream<Path> files = Files.walk(demo)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = dir.resolve(demo.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        ModelProto model = ModelProto.parseFrom(Files.readAllBytes(demo.resolve(EXTRACTOR)));
        GraphProto.Builder g = model.getGraph().toBuilder();
        g.addInitializer(floats("scale_base", SCALE_BASE));
        g.addInitializer(floats("kp_gain", KP_GAIN));
        g.addInitializer(TensorProto.newBuilder().setName("shape_1x1").setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(2).addInt64Data(1).addInt64Data(1));
        g.addNode(node("ReduceMean", List.of("image"), "mean_4d").toBuilder().addAttribute(AttributeProto.newBuilder()
                .setName("keepdims").setType(AttributeProto.AttributeType.INT).setI(1)));
        g.addNode(node("Reshape", List.of("mean_4d", "shape_1x1"), "mean"));
        g.addNode(node("Mul", List.of("mean", "kp_gain"), "kp_shift"));
        for (int i = 0; i < g.getNodeCount(); i++) {
            NodeProto n = g.getNode(i);
            if (n.getOutput(0).equals("scale")) {
                g.setNode(i, node("Add", List.of("mean", "scale_base"), "scale"));
            } else if (n.getOutput(0).equals("kp")) {
                g.setNode(i, node("Add", List.of(n.getInput(0), "kp_shift"), "kp"));
            }
        }
        sortTopologically(g);
        Files.write(dir.resolve(EXTRACTOR), model.toBuilder().setGraph(g).build().toByteArray());
        return dir;
    }

    /** The new nodes feed the replaced outputs: ONNX wants producers before consumers. */
    private static void sortTopologically(GraphProto.Builder g) {
        List<NodeProto> nodes = new ArrayList<>(g.getNodeList());
        List<String> late = List.of("scale", "kp");
        nodes.sort(Comparator.comparingInt(n -> late.contains(n.getOutput(0)) ? 1 : 0));
        g.clearNode().addAllNode(nodes);
    }

    private static NodeProto node(String op, List<String> inputs, String output) {
        return NodeProto.newBuilder().setOpType(op).addAllInput(inputs).addOutput(output).setName(output).build();
    }

    private static TensorProto floats(String name, float value) {
        return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE).addFloatData(value)
                .build();
    }
}
