package dittospark.architecture;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PackageGraphTest {
    private static final String JDEPS = String.join("\n",
            "classes -> java.base",
            "classes -> not found",
            "   dittospark.audio                                   -> dittospark.errors                                  classes",
            "   dittospark.audio                                   -> java.io                                            java.base",
            "   dittospark.engine                                  -> dittospark.audio                                   classes",
            "   dittospark.engine                                  -> dittospark.engine                                  classes",
            "   dittospark.engine                                  -> org.slf4j                                          not found",
            "   dittosparkling.x                                   -> dittospark.engine                                  classes",
            "");

    @Test
    void keepsOnlyUsesAmongPackagesUnderThePrefix() {
        Map<String, Set<String>> uses = PackageGraph.parse("dittospark", JDEPS);

        assertThat(uses).as("package uses parsed from jdeps -verbose:package").isEqualTo(Map.of(
                "dittospark.audio", Set.of("dittospark.errors"),
                "dittospark.engine", Set.of("dittospark.audio", "dittospark.engine")));
    }
}
