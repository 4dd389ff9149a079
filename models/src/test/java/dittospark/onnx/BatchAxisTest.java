package dittospark.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dittospark.models.TensorSpec;
import dittospark.models.demo.DemoModelSet;
import dittospark.onnx.proto.ModelProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchAxisTest {
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
    private static final int FRAMES = 4;
    private static final int SIZE = 4 * 8 * 8;

    @TempDir
    Path dir;

    /** x [1,4,8,8] scaled, reshaped keeping the batch ([0, 4, 64]), summed to [1,4]: no node pins the batch. */
    private static ModelProto batchable() {
        OnnxGraph g = new OnnxGraph("batchable")
                .input("x", ElementType.FLOAT, dims(1, 4, 8, 8))
                .output("y", ElementType.FLOAT, dims(1, 4));
        String scaled = g.node("Mul", "x", g.scalar(0.5f)).out();
        String rows = g.node("Reshape", scaled, g.ints(0, 4, 64)).out();
        g.node("ReduceSum", rows, g.ints(2)).attr("keepdims", 0L).out("y");
        return g.model();
    }

    @Test
    void aBatchOfFramesGivesWhatTheFramesGiveOneByOne() throws Exception {
        float[] frames = new float[FRAMES * SIZE];
        Random random = new Random(5);
        for (int i = 0; i < frames.length; i++) {
            frames[i] = random.nextFloat();
        }
        float[] batched = run(BatchAxis.batched(batchable()), frames, FRAMES);
        float[] single = new float[batched.length];
        for (int f = 0; f < FRAMES; f++) {
            float[] one = new float[SIZE];
            System.arraycopy(frames, f * SIZE, one, 0, SIZE);
            float[] out = run(batchable(), one, 1);
            System.arraycopy(out, 0, single, f * out.length, out.length);
        }

        float worst = 0;
        for (int i = 0; i < single.length; i++) {
            worst = Math.max(worst, Math.abs(batched[i] - single[i]));
        }
        assertThat(batched).as("outputs of %d frames", FRAMES).hasSize(FRAMES * 4);
        assertThat(worst).as("largest difference from one frame per call").isLessThanOrEqualTo(1e-5f);
    }

    @Test
    void theBatchedModelNamesItsBatchAxis() {
        ModelProto batched = BatchAxis.batched(batchable());

        assertThat(batched.getGraph().getInput(0).getType().getTensorType().getShape().getDim(0).getDimParam())
                .as("first axis of the input").isEqualTo(BatchAxis.SYMBOL);
    }

    @Test
    void theDemoDecoderPinsItsBatchInAReshape() throws Exception {
        DemoModelSet.write(dir);

        assertThat(BatchAxis.whyNot(GraphComposer.read(dir.resolve("ditto_onnx/decoder.onnx"))))
                .as("why the demo decoder cannot batch").hasValueSatisfying(why -> assertThat(why).contains("Reshape"));
    }

    @Test
    void aConcatAlongTheBatchIsRefused() {
        OnnxGraph g = new OnnxGraph("joined").input("x", ElementType.FLOAT, dims(1, 4))
                .output("y", ElementType.FLOAT, dims(2, 4));
        g.node("Concat", "x", "x").attr("axis", 0L).out("y");

        assertThatThrownBy(() -> BatchAxis.batched(g.model())).as("batching a concat along axis 0")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Concat");
    }

    private static float[] run(ModelProto model, float[] x, int frames) throws Exception {
        try (OrtSession s = ENV.createSession(model.toByteArray(), new OrtSession.SessionOptions());
             OnnxTensor in = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(x), new long[] {frames, 4, 8, 8});
             OrtSession.Result r = s.run(Map.of("x", in))) {
            FloatBuffer b = ((OnnxTensor) r.get("y").orElseThrow()).getFloatBuffer();
            float[] out = new float[b.remaining()];
            b.get(out);
            return out;
        }
    }

    private static List<TensorSpec.Dim> dims(long... sizes) {
        return java.util.Arrays.stream(sizes).mapToObj(TensorSpec.Dim::fixed).toList();
    }
}
