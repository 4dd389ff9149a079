package dittospark.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.motion.DdimSchedule;
import org.junit.jupiter.api.DynamicTest;

import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ddim_schedule.json}: alphas_cumprod and, per step count, time pairs (exact) and sigma, c,
 * sqrt(a_next) within 1e-5 relative. Where the reference's c is NaN (null) the port clamps to 0.
 */
public final class DdimScheduleCheck extends SingleFileCheck {
    private static final String FILE = "ddim_schedule.json";

    public DdimScheduleCheck() {
        super(FILE);
    }

    @Override
    public Stream<DynamicTest> tests(Path goldenDir) {
        JsonNode root = GoldenFiles.json(FILE);
        DynamicTest cumprod = DynamicTest.dynamicTest("alphas_cumprod", () -> GoldenFiles.assertClose("alphas_cumprod",
                GoldenFiles.toDouble(DdimSchedule.alphasCumprod()), GoldenFiles.flat(root.get("alphas_cumprod_float32"))));
        Stream<DynamicTest> steps = StreamSupport.stream(((Iterable<String>) () -> root.get("steps").fieldNames()).spliterator(), false)
                .map(n -> DynamicTest.dynamicTest(n + " steps", () -> check(Integer.parseInt(n), root.get("steps").get(n))));
        return Stream.concat(Stream.of(cumprod), steps);
    }

    private static void check(int steps, JsonNode expected) {
        DdimSchedule schedule = new DdimSchedule(steps);
        JsonNode pairs = expected.get("time_pairs");
        assertThat(schedule.steps()).as("pair count").isEqualTo(pairs.size());
        for (int k = 0; k < pairs.size(); k++) {
            assertThat(new int[] {schedule.time(k), schedule.timeNext(k)}).as("time pair " + k)
                    .containsExactly(pairs.get(k).get(0).asInt(), pairs.get(k).get(1).asInt());
        }
        int updates = expected.get("sigma").size();
        double[] sigma = new double[updates];
        double[] c = new double[updates];
        double[] alphaNextSqrt = new double[updates];
        for (int k = 0; k < updates; k++) {
            sigma[k] = schedule.sigma(k);
            c[k] = schedule.c(k);
            alphaNextSqrt[k] = schedule.alphaNextSqrt(k);
        }
        double[] expectedC = GoldenFiles.flat(expected.get("c"));
        for (int k = 0; k < expectedC.length; k++) {
            if (Double.isNaN(expectedC[k])) {
                expectedC[k] = 0;
            }
        }
        GoldenFiles.assertClose("sigma", sigma, GoldenFiles.flat(expected.get("sigma")));
        GoldenFiles.assertClose("c (reference NaN clamped to 0)", c, expectedC);
        GoldenFiles.assertClose("sqrt(alpha_next)", alphaNextSqrt, GoldenFiles.flat(expected.get("alpha_next_sqrt")));
    }
}
