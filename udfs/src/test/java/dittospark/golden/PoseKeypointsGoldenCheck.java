package dittospark.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.motion.PoseMath;
import org.junit.jupiter.api.DynamicTest;

import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dittospark.golden.GoldenFiles.toDouble;

/** pose_keypoints.json: bins to degrees, rotation matrix, keypoint transform, 1e-5 relative. */
final class PoseKeypointsGoldenCheck extends SingleFileCheck {

    PoseKeypointsGoldenCheck() {
        super("pose_keypoints.json");
    }

    @Override
    public Stream<DynamicTest> tests(Path goldenDir) {
        JsonNode cases = root().get("cases");
        return IntStream.range(0, cases.size()).boxed().flatMap(i -> {
            JsonNode c = cases.get(i);
            return Stream.of(
                    DynamicTest.dynamicTest("case " + i + ": bins to degrees (1e-5 rel)", () -> {
                        JsonNode logits = c.get("logits");
                        double[] degrees = new double[logits.size()];
                        for (int r = 0; r < logits.size(); r++) {
                            degrees[r] = PoseMath.degrees(MotionJson.floats(logits.get(r)));
                        }
                        GoldenFiles.assertClose("degrees", degrees, GoldenFiles.flat(c.get("degrees")));
                    }),
                    DynamicTest.dynamicTest("case " + i + ": rotation matrix (1e-5 rel)", () -> GoldenFiles.assertClose("rotation",
                            toDouble(PoseMath.rotation((float) c.get("pitch").asDouble(), (float) c.get("yaw").asDouble(),
                                    (float) c.get("roll").asDouble())), GoldenFiles.flat(c.get("rotation")))),
                    DynamicTest.dynamicTest("case " + i + ": keypoint transform (1e-5 rel)", () -> GoldenFiles.assertClose(
                            "transform_keypoint", toDouble(PoseMath.transformKeypoints(MotionJson.info(c.get("kp_info")))),
                            GoldenFiles.flat(c.get("transform_keypoint")))));
        });
    }
}
