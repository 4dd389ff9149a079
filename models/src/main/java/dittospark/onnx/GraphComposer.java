package dittospark.onnx;

import com.google.protobuf.ByteString;
import dittospark.onnx.proto.AttributeProto;
import dittospark.onnx.proto.GraphProto;
import dittospark.onnx.proto.ModelProto;
import dittospark.onnx.proto.NodeProto;
import dittospark.onnx.proto.OperatorSetIdProto;
import dittospark.onnx.proto.StringStringEntryProto;
import dittospark.onnx.proto.TensorProto;
import dittospark.onnx.proto.ValueInfoProto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Joins exported ONNX models into one graph: the output of one feeds an input of the next, every name
 * of each part prefixed with the part's name so that the parts cannot collide, the first part's inputs
 * and the last part's outputs keeping the names callers use. ONNX Runtime then runs the whole chain in
 * one call, the tensors between the parts staying wherever the provider keeps them.
 */
public final class GraphComposer {
    private GraphComposer() {
    }

    /** One part of a chain: a model, the prefix of its names, and the input the previous part's output feeds. */
    public record Part(String prefix, ModelProto model, String fedInput) {
    }

    /**
     * Reads a model file with the tensors it keeps in external data files (beside it) read into the
     * model, so that the model stands alone, e.g. as part of a composed graph.
     */
    public static ModelProto read(Path file) throws IOException {
        ModelProto model;
        try (InputStream in = Files.newInputStream(file)) {
            model = ModelProto.parseFrom(in);
        }
        GraphProto.Builder graph = model.getGraph().toBuilder();
        Path dir = file.toAbsolutePath().getParent();
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            TensorProto t = graph.getInitializer(i);
            if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
                graph.setInitializer(i, inlined(t, dir));
            }
        }
        return model.toBuilder().setGraph(graph).build();
    }

    private static TensorProto inlined(TensorProto t, Path dir) throws IOException {
        Map<String, String> where = new LinkedHashMap<>();
        for (StringStringEntryProto e : t.getExternalDataList()) {
            where.put(e.getKey(), e.getValue());
        }
        String location = where.get("location");
        Path data = location == null ? null : dir.resolve(location).normalize();
        if (data == null || !data.startsWith(dir)) {
            throw new IOException("tensor " + t.getName() + " names external data outside the model's folder: " + location);
        }
        long offset = Long.parseLong(where.getOrDefault("offset", "0"));
        try (FileChannel channel = FileChannel.open(data, StandardOpenOption.READ)) {
            long length = where.containsKey("length") ? Long.parseLong(where.get("length")) : channel.size() - offset;
            if (length > Integer.MAX_VALUE - 8) {
                throw new IOException("tensor " + t.getName() + " is too large to inline: " + length + " bytes");
            }
            ByteBuffer bytes = ByteBuffer.allocate((int) length);
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, offset + bytes.position()) < 0) {
                    throw new IOException("tensor " + t.getName() + ": " + data + " ends before its data does");
                }
            }
            bytes.flip();
            return t.toBuilder().clearExternalData().setDataLocation(TensorProto.DataLocation.DEFAULT)
                    .setRawData(ByteString.copyFrom(bytes)).build();
        }
    }

    /**
     * The chain of {@code parts}: the first part's graph inputs are the composed graph's inputs, the
     * last part's outputs its outputs, and each later part's {@link Part#fedInput} is the single output
     * of the part before it.
     *
     * @throws IllegalArgumentException when the parts cannot be joined: a part with several outputs
     *                                  feeding the next, an input that is not there, operator set
     *                                  versions that differ, or model parts this composer does not carry
     *                                  (local functions, sparse initializers)
     */
    public static ModelProto chain(List<Part> parts) {
        if (parts.size() < 2) {
            throw new IllegalArgumentException("a chain needs at least two parts, got " + parts.size());
        }
        Map<String, Long> opsets = opsets(parts);
        GraphProto.Builder out = GraphProto.newBuilder().setName(String.join("+",
                parts.stream().map(Part::prefix).toList()));
        String fed = null;
        long irVersion = 0;
        for (int p = 0; p < parts.size(); p++) {
            Part part = parts.get(p);
            requireCarried(part);
            GraphProto g = part.model().getGraph();
            irVersion = Math.max(irVersion, part.model().getIrVersion());
            Set<String> initializers = new HashSet<>();
            g.getInitializerList().forEach(t -> initializers.add(t.getName()));
            boolean first = p == 0;
            boolean last = p == parts.size() - 1;
            Set<String> kept = new HashSet<>();
            if (first) {
                g.getInputList().stream().map(ValueInfoProto::getName).filter(n -> !initializers.contains(n))
                        .forEach(kept::add);
            }
            if (last) {
                g.getOutputList().forEach(o -> kept.add(o.getName()));
            }
            Map<String, String> fixed = new LinkedHashMap<>();
            if (!first) {
                boolean found = g.getInputList().stream().anyMatch(i -> i.getName().equals(part.fedInput()));
                if (!found) {
                    throw new IllegalArgumentException(part.prefix() + " has no input " + part.fedInput());
                }
                fixed.put(part.fedInput(), fed);
            }
            String prefix = part.prefix() + "/";
            UnaryOperator<String> rename = n -> n.isEmpty() ? n
                    : fixed.containsKey(n) ? fixed.get(n) : kept.contains(n) ? n : prefix + n;
            GraphProto renamed = renamed(g, rename, prefix);
            if (first) {
                renamed.getInputList().stream().filter(i -> kept.contains(i.getName())).forEach(out::addInput);
            }
            out.addAllInitializer(renamed.getInitializerList());
            out.addAllNode(renamed.getNodeList());
            out.addAllValueInfo(renamed.getValueInfoList());
            if (last) {
                out.addAllOutput(renamed.getOutputList());
            } else {
                if (renamed.getOutputCount() != 1) {
                    throw new IllegalArgumentException(part.prefix() + " has " + renamed.getOutputCount()
                            + " outputs; only a single output can feed the next part");
                }
                fed = renamed.getOutput(0).getName();
                String output = fed;
                if (renamed.getValueInfoList().stream().noneMatch(v -> v.getName().equals(output))) {
                    out.addValueInfo(renamed.getOutput(0));
                }
            }
        }
        ModelProto.Builder model = ModelProto.newBuilder().setIrVersion(irVersion).setProducerName("dittospark")
                .setGraph(out);
        opsets.forEach((domain, version) -> model.addOpsetImport(
                OperatorSetIdProto.newBuilder().setDomain(domain).setVersion(version)));
        return model.build();
    }

    /** The operator sets all parts import, each at the one version they all agree on. */
    private static Map<String, Long> opsets(List<Part> parts) {
        Map<String, Long> versions = new LinkedHashMap<>();
        Map<String, String> byWhom = new LinkedHashMap<>();
        for (Part part : parts) {
            for (OperatorSetIdProto o : part.model().getOpsetImportList()) {
                String domain = o.getDomain().equals("ai.onnx") ? "" : o.getDomain();
                Long known = versions.putIfAbsent(domain, o.getVersion());
                byWhom.putIfAbsent(domain, part.prefix());
                if (known != null && known != o.getVersion()) {
                    // an operator's meaning may change between versions: one graph cannot hold both
                    throw new IllegalArgumentException(byWhom.get(domain) + " imports operator set '" + domain
                            + "' version " + known + " but " + part.prefix() + " imports version " + o.getVersion());
                }
            }
        }
        return versions;
    }

    private static void requireCarried(Part part) {
        if (!part.model().getUnknownFields().asMap().isEmpty()
                || !part.model().getGraph().getUnknownFields().asMap().isEmpty()) {
            throw new IllegalArgumentException(part.prefix() + " holds model parts composition does not carry"
                    + " (local functions, sparse initializers or training info)");
        }
    }

    private static GraphProto renamed(GraphProto g, UnaryOperator<String> rename, String prefix) {
        GraphProto.Builder b = g.toBuilder();
        for (int i = 0; i < b.getInputCount(); i++) {
            b.setInput(i, b.getInput(i).toBuilder().setName(rename.apply(b.getInput(i).getName())));
        }
        for (int i = 0; i < b.getOutputCount(); i++) {
            b.setOutput(i, b.getOutput(i).toBuilder().setName(rename.apply(b.getOutput(i).getName())));
        }
        for (int i = 0; i < b.getValueInfoCount(); i++) {
            b.setValueInfo(i, b.getValueInfo(i).toBuilder().setName(rename.apply(b.getValueInfo(i).getName())));
        }
        for (int i = 0; i < b.getInitializerCount(); i++) {
            b.setInitializer(i, b.getInitializer(i).toBuilder().setName(rename.apply(b.getInitializer(i).getName())));
        }
        for (int i = 0; i < b.getNodeCount(); i++) {
            b.setNode(i, renamed(b.getNode(i), rename, prefix));
        }
        return b.build();
    }

    /** A node with its values renamed, its name prefixed, and the subgraphs of If, Loop and Scan renamed alike. */
    private static NodeProto renamed(NodeProto n, UnaryOperator<String> rename, String prefix) {
        NodeProto.Builder b = n.toBuilder().clearInput().clearOutput();
        n.getInputList().forEach(i -> b.addInput(rename.apply(i)));
        n.getOutputList().forEach(o -> b.addOutput(rename.apply(o)));
        if (n.hasName() && !n.getName().isEmpty()) {
            b.setName(prefix + n.getName());
        }
        for (int a = 0; a < b.getAttributeCount(); a++) {
            AttributeProto attr = b.getAttribute(a);
            if (attr.hasG() || attr.getGraphsCount() > 0) {
                AttributeProto.Builder ab = attr.toBuilder();
                if (attr.hasG()) {
                    ab.setG(renamed(attr.getG(), rename, prefix));
                }
                for (int k = 0; k < attr.getGraphsCount(); k++) {
                    ab.setGraphs(k, renamed(attr.getGraphs(k), rename, prefix));
                }
                b.setAttribute(a, ab);
            }
        }
        return b.build();
    }
}
