package dittospark.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.motion.BlinkSchedule;
import org.junit.jupiter.api.DynamicTest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** eye_blink_schedule.json: blink row per frame for deterministic open_n, exact. */
final class EyeBlinkScheduleGoldenCheck extends SingleFileCheck {

    EyeBlinkScheduleGoldenCheck() {
        super("eye_blink_schedule.json");
    }

    @Override
    public Stream<DynamicTest> tests(Path goldenDir) {
        JsonNode cases = root().get("cases");
        return IntStream.range(0, cases.size()).mapToObj(i -> {
            JsonNode c = cases.get(i);
            return DynamicTest.dynamicTest("case " + i + ": open_n " + c.get("open_n") + ", N " + c.get("N") + " (exact)", () -> {
                int[] idx = schedule(c.get("open_n")).indices(c.get("N").asInt(), c.get("blink_n").asInt(), null);
                int[] expected = Arrays.stream(GoldenFiles.flat(c.get("idx"))).mapToInt(d -> (int) d).toArray();
                assertThat(idx).as("blink rows per frame").containsExactly(expected);
            });
        });
    }

    static BlinkSchedule schedule(JsonNode openN) {
        if (!openN.isArray()) {
            return BlinkSchedule.of(openN.asInt());
        }
        List<Integer> gaps = new ArrayList<>();
        openN.forEach(g -> gaps.add(g.asInt()));
        return BlinkSchedule.of(gaps);
    }
}
