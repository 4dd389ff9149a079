package dittospark.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.face.FaceBox;
import dittospark.face.Landmark106Codec;
import dittospark.face.Landmark203Codec;
import dittospark.image.Affine;
import org.junit.jupiter.api.DynamicTest;

import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dittospark.golden.GoldenFiles.assertClose;
import static dittospark.golden.GoldenFiles.flat;
import static dittospark.golden.GoldenFiles.toDouble;

/** landmarks_106_203.json: model output to picture landmarks for both models (1e-5 relative). */
public final class LandmarkGoldenCheck extends SingleFileCheck {
    private static final String FILE = "landmarks_106_203.json";

    public LandmarkGoldenCheck() {
        super(FILE);
    }

    @Override
    public Stream<DynamicTest> tests(Path goldenDir) {
        JsonNode root = GoldenFiles.json(FILE);
        JsonNode l106 = root.get("l106");
        Stream<DynamicTest> cases106 = IntStream.range(0, l106.size()).mapToObj(i ->
                DynamicTest.dynamicTest("106 landmarks case " + i, () -> check106(l106.get(i))));
        JsonNode l203 = root.get("l203");
        Stream<JsonNode> each203 = l203.isArray() ? IntStream.range(0, l203.size()).mapToObj(l203::get) : Stream.of(l203);
        Stream<DynamicTest> cases203 = each203.map(c ->
                DynamicTest.dynamicTest("203 landmarks", () -> check203(c)));
        return Stream.concat(cases106, cases203);
    }

    private static void check106(JsonNode c) {
        float[] b = GoldenFiles.toFloat(flat(c.get("bbox")));
        Affine toCrop = Landmark106Codec.cropTransform(new FaceBox(b[0], b[1], b[2], b[3]));
        float[] lmk = Landmark106Codec.postprocess(GoldenFiles.toFloat(flat(c.get("model_output"))), toCrop);
        assertClose("106 landmarks", toDouble(lmk), flat(c.get("landmarks")));
    }

    private static void check203(JsonNode c) {
        float[] lmk = Landmark203Codec.postprocess(GoldenFiles.toFloat(flat(c.get("model_output"))),
                GoldenFiles.affine(c.get("M_c2o")).toFloat32());
        assertClose("203 landmarks", toDouble(lmk), flat(c.get("landmarks")));
    }
}
