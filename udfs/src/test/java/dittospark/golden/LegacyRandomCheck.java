package dittospark.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.motion.LegacyRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DynamicTest;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rng_numpy_legacy.json}: NumPy's legacy generator is ported bit for bit, so draws are compared
 * exactly; only the float64 sum of the float32 block allows 1e-9 relative for summation order.
 */
public final class LegacyRandomCheck implements GoldenCheck {
    private static final String FILE = "rng_numpy_legacy.json";
    private static final double SUM_REL_TOL = 1e-9;

    @Override
    public Set<String> claims(Path goldenDir) {
        return Set.of(FILE);
    }

    @Override
    public Stream<DynamicTest> tests(Path goldenDir) {
        return StreamSupport.stream(GoldenFiles.json(FILE).get("cases").spliterator(), false)
                .map(c -> DynamicTest.dynamicTest("seed " + c.get("seed").asLong(), () -> check(c)));
    }

    private static void check(JsonNode c) {
        LegacyRandom random = new LegacyRandom(c.get("seed").asLong());
        double[] first = new double[c.get("first8_randn").size()];
        for (int i = 0; i < first.length; i++) {
            first[i] = random.nextGaussian();
        }
        assertThat(first).as("randn(8) doubles").containsExactly(GoldenFiles.flat(c.get("first8_randn")));

        JsonNode block = c.get("then_randn_1x80x265_float32");
        float[] drawn = random.randn(80 * 265);
        float[] head = GoldenRows.floats(block.get("first10"));
        float[] tail = GoldenRows.floats(block.get("last10"));
        assertThat(Arrays.copyOf(drawn, head.length)).as("float32 block, first values").containsExactly(head);
        assertThat(Arrays.copyOfRange(drawn, drawn.length - tail.length, drawn.length)).as("float32 block, last values")
                .containsExactly(tail);
        double sum = 0;
        for (float v : drawn) {
            sum += v;
        }
        double expected = block.get("sum").asDouble();
        assertThat(sum).as("float32 block, float64 sum").isCloseTo(expected, Offset.offset(Math.abs(expected) * SUM_REL_TOL));
    }
}
