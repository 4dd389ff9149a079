package dittospark.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.google.protobuf.ByteString;
import dittospark.models.demo.DemoModelSet;
import dittospark.onnx.proto.GraphProto;
import dittospark.onnx.proto.ModelProto;
import dittospark.onnx.proto.NodeProto;
import dittospark.onnx.proto.OperatorSetIdProto;
import dittospark.onnx.proto.StringStringEntryProto;
import dittospark.onnx.proto.TensorProto;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The warp and the decoder composed into one graph give the image the two models give one after the
 * other: on the demo set, and on the same models exported with other names, another operator set
 * version, and their weights in an external data file.
 */
class GraphComposerTest {
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
    private static final float TOLERANCE = 1e-5f;

    @TempDir
    static Path demo;

    @TempDir
    Path dir;

    private static float[] volume;
    private static float[] kpSource;
    private static float[] kpDriving;

    @BeforeAll
    static void inputs() throws Exception {
        DemoModelSet.write(demo);
        Random random = new Random(14);
        volume = new float[32 * 16 * 64 * 64];
        for (int i = 0; i < volume.length; i++) {
            volume[i] = random.nextFloat();
        }
        kpSource = new float[63];
        kpDriving = new float[63];
        for (int i = 0; i < 63; i++) {
            kpSource[i] = random.nextFloat() - 0.5f;
            kpDriving[i] = kpSource[i] + (random.nextFloat() - 0.5f) * 0.1f;
        }
    }

    @Test
    void theComposedDemoGraphGivesTheImageOfTheChain() throws Exception {
        Path warp = demo.resolve("ditto_onnx/warp_network_ori.onnx");
        Path decoder = demo.resolve("ditto_onnx/decoder.onnx");

        float[] chain = chain(warp, "out", decoder, "feature", "output");
        float[] composed = composed(GraphComposer.read(warp), GraphComposer.read(decoder), "feature", "output");

        assertMatches(composed, chain);
    }

    @Test
    void composesModelsWithOtherNames() throws Exception {
        Path warp = write("warp.onnx", renamed(GraphComposer.read(demo.resolve("ditto_onnx/warp_network_ori.onnx")),
                "out", "warped"));
        ModelProto decoderModel = renamed(renamed(GraphComposer.read(demo.resolve("ditto_onnx/decoder.onnx")),
                "feature", "x"), "output", "image");
        Path decoder = write("decoder.onnx", decoderModel);

        float[] chain = chain(warp, "warped", decoder, "x", "image");
        float[] composed = composed(GraphComposer.read(warp), GraphComposer.read(decoder), "x", "image");

        assertMatches(composed, chain);
    }

    @Test
    void composesModelsOfAnotherOperatorSetVersion() throws Exception {
        Path warp = write("warp.onnx", opset(GraphComposer.read(demo.resolve("ditto_onnx/warp_network_ori.onnx")), 21));
        Path decoder = write("decoder.onnx", opset(GraphComposer.read(demo.resolve("ditto_onnx/decoder.onnx")), 21));

        float[] chain = chain(warp, "out", decoder, "feature", "output");
        ModelProto both = GraphComposer.chain(List.of(new GraphComposer.Part("warp", GraphComposer.read(warp), null),
                new GraphComposer.Part("decoder", GraphComposer.read(decoder), "feature")));

        assertThat(both.getOpsetImport(0).getVersion()).as("composed opset").isEqualTo(21);
        assertMatches(run(both.toByteArray(), "output"), chain);
    }

    @Test
    void readsWeightsKeptInAnExternalDataFile() throws Exception {
        Path warp = externalData(GraphComposer.read(demo.resolve("ditto_onnx/warp_network_ori.onnx")), "warp");
        Path decoder = demo.resolve("ditto_onnx/decoder.onnx");

        float[] chain = chain(warp, "out", decoder, "feature", "output");
        float[] composed = composed(GraphComposer.read(warp), GraphComposer.read(decoder), "feature", "output");

        assertThat(Files.size(dir.resolve("warp.data"))).as("external data file").isPositive();
        assertMatches(composed, chain);
    }

    @Test
    void refusesPartsOfDifferentOperatorSetVersions() throws Exception {
        ModelProto warp = GraphComposer.read(demo.resolve("ditto_onnx/warp_network_ori.onnx"));
        ModelProto decoder = opset(GraphComposer.read(demo.resolve("ditto_onnx/decoder.onnx")), 21);

        assertThatThrownBy(() -> GraphComposer.chain(List.of(new GraphComposer.Part("warp", warp, null),
                new GraphComposer.Part("decoder", decoder, "feature")))).as("opset 20 then 21")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 20")
                .hasMessageContaining("version 21");
    }

    @Test
    void refusesAnInputThePartDoesNotHave() throws Exception {
        ModelProto warp = GraphComposer.read(demo.resolve("ditto_onnx/warp_network_ori.onnx"));
        ModelProto decoder = GraphComposer.read(demo.resolve("ditto_onnx/decoder.onnx"));

        assertThatThrownBy(() -> GraphComposer.chain(List.of(new GraphComposer.Part("warp", warp, null),
                new GraphComposer.Part("decoder", decoder, "latent")))).as("wrong input name")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latent");
    }

    @Test
    void keepsTheCallersNamesAndPrefixesTheRest() throws Exception {
        ModelProto both = GraphComposer.chain(List.of(
                new GraphComposer.Part("warp", GraphComposer.read(demo.resolve("ditto_onnx/warp_network_ori.onnx")), null),
                new GraphComposer.Part("decoder", GraphComposer.read(demo.resolve("ditto_onnx/decoder.onnx")), "feature")));

        assertThat(both.getGraph().getInputList()).as("inputs").extracting(i -> i.getName())
                .containsExactly("feature_3d", "kp_source", "kp_driving");
        assertThat(both.getGraph().getOutputList()).as("outputs").extracting(o -> o.getName()).containsExactly("output");
        assertThat(both.getGraph().getInitializerList()).as("initializers")
                .allMatch(t -> t.getName().startsWith("warp/") || t.getName().startsWith("decoder/"));
    }

    private static void assertMatches(float[] composed, float[] chain) {
        assertThat(composed).as("image size").hasSameSizeAs(chain);
        float worst = 0;
        for (int i = 0; i < chain.length; i++) {
            worst = Math.max(worst, Math.abs(composed[i] - chain[i]));
        }
        assertThat(worst).as("largest difference from the chain").isLessThanOrEqualTo(TOLERANCE);
    }

    private float[] composed(ModelProto warp, ModelProto decoder, String decoderInput, String output) throws Exception {
        ModelProto both = GraphComposer.chain(List.of(new GraphComposer.Part("warp", warp, null),
                new GraphComposer.Part("decoder", decoder, decoderInput)));
        return run(both.toByteArray(), output);
    }

    private static float[] run(byte[] model, String output) throws Exception {
        try (OrtSession s = ENV.createSession(model, new OrtSession.SessionOptions());
             OnnxTensor v = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(volume), new long[] {1, 32, 16, 64, 64});
             OnnxTensor src = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(kpSource), new long[] {1, 21, 3});
             OnnxTensor drv = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(kpDriving), new long[] {1, 21, 3});
             OrtSession.Result r = s.run(Map.of("feature_3d", v, "kp_source", src, "kp_driving", drv))) {
            return floats((OnnxTensor) r.get(output).orElseThrow());
        }
    }

    private static float[] chain(Path warp, String warpOutput, Path decoder, String decoderInput, String output)
            throws Exception {
        try (OrtSession w = ENV.createSession(warp.toString(), new OrtSession.SessionOptions());
             OrtSession d = ENV.createSession(decoder.toString(), new OrtSession.SessionOptions());
             OnnxTensor v = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(volume), new long[] {1, 32, 16, 64, 64});
             OnnxTensor src = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(kpSource), new long[] {1, 21, 3});
             OnnxTensor drv = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(kpDriving), new long[] {1, 21, 3});
             OrtSession.Result warped = w.run(Map.of("feature_3d", v, "kp_source", src, "kp_driving", drv));
             OrtSession.Result image = d.run(Map.of(decoderInput, (OnnxTensor) warped.get(warpOutput).orElseThrow()))) {
            return floats((OnnxTensor) image.get(output).orElseThrow());
        }
    }

    private static float[] floats(OnnxTensor t) {
        FloatBuffer b = t.getFloatBuffer();
        float[] out = new float[b.remaining()];
        b.get(out);
        return out;
    }

    private Path write(String name, ModelProto model) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, model.toByteArray());
        return file;
    }

    /** The model with the value {@code from} called {@code to} wherever it appears. */
    private static ModelProto renamed(ModelProto model, String from, String to) {
        GraphProto.Builder g = model.getGraph().toBuilder();
        for (int i = 0; i < g.getInputCount(); i++) {
            if (g.getInput(i).getName().equals(from)) {
                g.setInput(i, g.getInput(i).toBuilder().setName(to));
            }
        }
        for (int i = 0; i < g.getOutputCount(); i++) {
            if (g.getOutput(i).getName().equals(from)) {
                g.setOutput(i, g.getOutput(i).toBuilder().setName(to));
            }
        }
        for (int i = 0; i < g.getNodeCount(); i++) {
            NodeProto.Builder n = g.getNode(i).toBuilder().clearInput().clearOutput();
            g.getNode(i).getInputList().forEach(v -> n.addInput(v.equals(from) ? to : v));
            g.getNode(i).getOutputList().forEach(v -> n.addOutput(v.equals(from) ? to : v));
            g.setNode(i, n);
        }
        return model.toBuilder().setGraph(g).build();
    }

    private static ModelProto opset(ModelProto model, long version) {
        return model.toBuilder().clearOpsetImport()
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(version)).build();
    }

    /**
     * The model written as exporters do with large weights: every float initializer of 1 kB or more in
     * {@code name}.data beside {@code name}.onnx (shape operands stay inline, where shape inference reads them).
     */
    private Path externalData(ModelProto model, String name) throws Exception {
        GraphProto.Builder g = model.getGraph().toBuilder();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int i = 0; i < g.getInitializerCount(); i++) {
            TensorProto t = g.getInitializer(i);
            ByteString raw = t.getRawData();
            if (t.getDataType() != TensorProto.DataType.FLOAT_VALUE || raw.size() < 1024) {
                continue;
            }
            long offset = data.size();
            raw.writeTo(data);
            g.setInitializer(i, t.toBuilder().clearRawData().setDataLocation(TensorProto.DataLocation.EXTERNAL)
                    .addExternalData(entry("location", name + ".data"))
                    .addExternalData(entry("offset", Long.toString(offset)))
                    .addExternalData(entry("length", Long.toString(raw.size()))));
        }
        Files.write(dir.resolve(name + ".data"), data.toByteArray());
        Path file = dir.resolve(name + ".onnx");
        try (OutputStream out = Files.newOutputStream(file)) {
            model.toBuilder().setGraph(g).build().writeTo(out);
        }
        return file;
    }

    private static StringStringEntryProto entry(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }
}
