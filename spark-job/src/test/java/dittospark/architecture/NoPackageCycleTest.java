package dittospark.architecture;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The main classes of every module, models, udfs, server and spark-job, form a package graph without cycles. */
class NoPackageCycleTest {
    @Test
    void noPackageOfAnyModuleReachesItselfThroughOthers() throws Exception {
        List<Path> roots = MainClasses.roots();

        Map<String, Set<String>> uses = PackageGraph.of("dittospark", roots);

        assertThat(uses).as("packages read from %s", roots).containsKeys("dittospark.models",
                "dittospark.engine", "dittospark.server", "dittospark.job");
        assertThat(PackageCycles.of(uses).stream().map(cycle -> String.join(" -> ", cycle)))
                .as("package cycles among %s", uses.keySet()).isEmpty();
    }
}
