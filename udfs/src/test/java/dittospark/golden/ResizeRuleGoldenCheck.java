package dittospark.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.image.ResizeRule;
import org.junit.jupiter.api.DynamicTest;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resize-rule cases of misc.json ({@code check_resize}: [h, w, max_size, [h', w', resized]]), exact.
 * Claims nothing: the rest of misc.json belongs to another check.
 */
public final class ResizeRuleGoldenCheck implements GoldenCheck {
    private static final String FILE = "misc.json";

    @Override
    public Set<String> claims(Path goldenDir) {
        return Set.of();
    }

    @Override
    public Stream<DynamicTest> tests(Path goldenDir) {
        JsonNode cases = GoldenFiles.json(FILE).get("check_resize");
        return IntStream.range(0, cases.size()).mapToObj(i -> {
            JsonNode c = cases.get(i);
            int h = c.get(0).asInt();
            int w = c.get(1).asInt();
            int max = c.get(2).asInt();
            JsonNode e = c.get(3);
            return DynamicTest.dynamicTest("resize " + w + "x" + h + " max " + max, () -> {
                ResizeRule.Size size = ResizeRule.fit(w, h, max);
                assertThat(size).as("load size of %dx%d with max_size %d", w, h, max)
                        .isEqualTo(new ResizeRule.Size(e.get(1).asInt(), e.get(0).asInt(), e.get(2).asBoolean()));
            });
        });
    }
}
