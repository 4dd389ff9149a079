package dittospark.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.motion.Mirror;
import dittospark.motion.MotionInfo;
import dittospark.motion.SourceSmoothing;
import org.junit.jupiter.api.DynamicTest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * misc.json: source smoothing ({@code smooth_k<K>} from {@code smooth_input}, 1e-5 relative) and the
 * mirror index (exact). Its resize-rule cases belong to the image loader's check.
 */
final class MiscGoldenCheck extends SingleFileCheck {
    private static final Pattern SMOOTHED = Pattern.compile("smooth_k(\\d+)");

    MiscGoldenCheck() {
        super("misc.json");
    }

    @Override
    public Stream<DynamicTest> tests(Path goldenDir) {
        JsonNode root = root();
        List<MotionInfo> input = new ArrayList<>();
        root.get("smooth_input").forEach(f -> input.add(MotionJson.info(f)));
        Stream<DynamicTest> smoothing = StreamSupport.stream(((Iterable<String>) root::fieldNames).spliterator(), false)
                .map(SMOOTHED::matcher).filter(Matcher::matches).map(m -> {
                    int k = Integer.parseInt(m.group(1));
                    JsonNode expected = root.get(m.group());
                    return DynamicTest.dynamicTest("source smoothing k=" + k + " (1e-5 rel)", () -> {
                        List<MotionInfo> smoothed = SourceSmoothing.smooth(input, k);
                        assertThat(smoothed).as("smoothed frames").hasSize(expected.size());
                        for (int f = 0; f < smoothed.size(); f++) {
                            MotionJson.assertInfoClose("frame " + f, smoothed.get(f), expected.get(f));
                        }
                    });
                });
        JsonNode mirror = root.get("mirror_index");
        Stream<DynamicTest> mirrored = StreamSupport.stream(((Iterable<String>) mirror::fieldNames).spliterator(), false)
                .map(n -> DynamicTest.dynamicTest("mirror index n=" + n + " (exact)", () -> {
                    JsonNode expected = mirror.get(n);
                    int[] actual = new int[expected.size()];
                    int[] want = new int[expected.size()];
                    for (int i = 0; i < actual.length; i++) {
                        actual[i] = Mirror.index(i, Integer.parseInt(n));
                        want[i] = expected.get(i).asInt();
                    }
                    assertThat(actual).as("source frame per output frame, n=" + n).containsExactly(want);
                }));
        return Stream.concat(smoothing, mirrored);
    }
}
