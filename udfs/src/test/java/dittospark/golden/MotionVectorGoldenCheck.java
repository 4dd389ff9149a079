package dittospark.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.motion.MotionInfo;
import dittospark.motion.MotionVector;
import org.junit.jupiter.api.DynamicTest;

import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dittospark.golden.GoldenFiles.toDouble;

/** motion_vector.json: motion info to the 265/328-d vector and back, 1e-5 relative. */
final class MotionVectorGoldenCheck extends SingleFileCheck {

    MotionVectorGoldenCheck() {
        super("motion_vector.json");
    }

    @Override
    public Stream<DynamicTest> tests(Path goldenDir) {
        JsonNode cases = root().get("cases");
        return IntStream.range(0, cases.size()).boxed().flatMap(i -> {
            JsonNode c = cases.get(i);
            MotionInfo info = MotionJson.info(c.get("info"));
            return Stream.of(
                    DynamicTest.dynamicTest("case " + i + ": vector without kp (1e-5 rel)", () -> GoldenFiles.assertClose(
                            "arr_without_kp", toDouble(MotionVector.toVector(info, false)), GoldenFiles.flat(c.get("arr_without_kp")))),
                    DynamicTest.dynamicTest("case " + i + ": vector with kp (1e-5 rel)", () -> GoldenFiles.assertClose(
                            "arr_with_kp", toDouble(MotionVector.toVector(info, true)), GoldenFiles.flat(c.get("arr_with_kp")))),
                    DynamicTest.dynamicTest("case " + i + ": vector with kp back to info (1e-5 rel)", () -> MotionJson.assertInfoClose(
                            "arr2dic", MotionVector.fromVector(MotionJson.floats(c.get("arr_with_kp"))), c.get("arr2dic_of_arr_with_kp"))));
        });
    }
}
