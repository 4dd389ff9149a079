package dittospark.architecture;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PackageCyclesTest {
    @Test
    void aLayeredGraphHasNoCycle() {
        Map<String, Set<String>> uses = Map.of("cli", Set.of("engine"), "engine", Set.of("video", "errors"),
                "video", Set.of("errors"));

        assertThat(PackageCycles.of(uses)).as("cycles of cli -> engine -> video -> errors").isEmpty();
    }

    @Test
    void twoPackagesUsingEachOtherAreACycle() {
        Map<String, Set<String>> uses = Map.of("engine", Set.of("video"), "video", Set.of("engine"));

        assertThat(PackageCycles.of(uses)).as("cycles of engine <-> video")
                .containsExactly(List.of("engine", "video", "engine"));
    }

    @Test
    void aCycleIsNamedByItsShortestLoopThroughTheFirstPackage() {
        Map<String, Set<String>> uses = Map.of("a", Set.of("b", "d"), "b", Set.of("c"), "c", Set.of("a"),
                "d", Set.of("e"), "e", Set.of("f"), "f", Set.of("a"));

        assertThat(PackageCycles.of(uses)).as("one component, named by a -> b -> c -> a rather than the long loop")
                .containsExactly(List.of("a", "b", "c", "a"));
    }

    @Test
    void separateCyclesAreReportedSeparately() {
        Map<String, Set<String>> uses = Map.of("a", Set.of("b"), "b", Set.of("a", "x"), "x", Set.of("y"),
                "y", Set.of("x"));

        assertThat(PackageCycles.of(uses)).as("cycles of a <-> b -> x <-> y")
                .containsExactlyInAnyOrder(List.of("a", "b", "a"), List.of("x", "y", "x"));
    }

    @Test
    void aPackageUsingItselfIsNoCycle() {
        assertThat(PackageCycles.of(Map.of("a", Set.of("a", "b")))).as("cycles of a -> a, a -> b").isEmpty();
    }
}
