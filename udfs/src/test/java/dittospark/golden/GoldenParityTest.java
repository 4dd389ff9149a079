package dittospark.golden;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Walks the golden folder ({@code -Dgolden.dir}) and checks every file in it with the stated tolerances. */
class GoldenParityTest {
    private static final List<GoldenCheck> CHECKS = List.of(
            new MediaPipeGoldenCheck(),
            new EyeAttributesGoldenCheck(),
            new CropGoldenCheck(),
            new LegacyRandomCheck(),
            new DdimScheduleCheck(),
            new ConditionCheck(),
            new Audio2MotionCheck(),
            new OfflineFeaturesCheck(),
            new OnlineFeaturesCheck(),
            new OnlineMotionCheck(),
            new MotionVectorGoldenCheck(),
            new PoseKeypointsGoldenCheck(),
            new EyeBlinkScheduleGoldenCheck(),
            new MotionStitchGoldenCheck(),
            new MiscGoldenCheck(),
            new ResizeRuleGoldenCheck(),
            new ScrfdGoldenCheck(),
            new LandmarkGoldenCheck(),
            new PutBackGoldenCheck());

    @TestFactory
    Stream<DynamicNode> everyGoldenFile() throws IOException {
        Path dir = GoldenFiles.dir();
        Set<String> claimed = new HashSet<>();
        CHECKS.forEach(c -> claimed.addAll(c.claims(dir)));
        Set<String> unclaimed;
        try (Stream<Path> files = Files.list(dir)) {
            unclaimed = files.map(p -> p.getFileName().toString()).filter(n -> !claimed.contains(n))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
        }
        DynamicTest coverage = DynamicTest.dynamicTest("every golden file is checked",
                () -> assertThat(unclaimed).as("golden files no check reads").isEmpty());
        return Stream.concat(Stream.of(coverage), CHECKS.stream()
                .map(c -> DynamicContainer.dynamicContainer(c.getClass().getSimpleName(), c.tests(dir))));
    }
}
