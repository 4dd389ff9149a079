package dittospark.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Outside a checkout the demo set lives in the user's cache, in a folder named by its content. */
class DefaultModelsTest {
    @TempDir
    Path cache;

    private String home;
    private String cacheSetting;

    @BeforeEach
    void outsideACheckout() {
        home = System.clearProperty("dittospark.home");
        cacheSetting = System.setProperty("dittospark.cache", cache.toString());
    }

    @AfterEach
    void restore() {
        if (home != null) {
            System.setProperty("dittospark.home", home);
        }
        if (cacheSetting != null) {
            System.setProperty("dittospark.cache", cacheSetting);
        } else {
            System.clearProperty("dittospark.cache");
        }
    }

    @Test
    void writesOneContentNamedFolderAndReusesIt() throws Exception {
        Path first = DefaultModels.demoFolder();
        Path second = DefaultModels.demoFolder();

        assertThat(first.getFileName().toString()).as("folder name").matches("demo-models-[0-9a-f]{12}");
        assertThat(second).as("folder of the second use").isEqualTo(first);
        assertThat(first.resolve("ditto_onnx/warp_network_ori.onnx")).as("a model of the set").isRegularFile();
        try (Stream<Path> entries = Files.list(cache)) {
            assertThat(entries).as("what the cache holds: no staging folders left").containsExactly(first);
        }
    }
}
