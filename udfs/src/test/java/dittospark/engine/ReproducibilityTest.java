package dittospark.engine;

import dittospark.media.FfmpegCli;
import dittospark.media.MediaFrames;
import dittospark.media.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Same inputs and seed give the same decoded frames; another seed gives other frames. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReproducibilityTest {
    @TempDir
    Path work;

    private RenderEngine engine;
    private Path speech;

    @BeforeAll
    void setUp(@TempDir Path shared) throws Exception {
        FfmpegCli.assumeInstalled();
        engine = DemoModels.engine();
        speech = Samples.speech(shared, 0, 3);
    }

    @AfterAll
    void tearDown() {
        if (engine != null) {
            engine.close();
        }
    }

    private List<byte[]> render(String name, long seed) throws Exception {
        Path out = work.resolve(name + ".mp4");
        engine.render(RenderRequest.builder().source(Samples.file("portrait.png")).audio(speech).output(out)
                .options(RenderOptions.parse("{\"max_size\": 256}")).seed(seed).build(), RenderProgress.NONE);
        return MediaFrames.rgb(out);
    }

    @Test
    void sameSeedGivesIdenticalFrames() throws Exception {
        List<byte[]> first = render("first", 42);
        List<byte[]> second = render("second", 42);
        assertThat(second).as("decoded frames of the rerun").hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).as("frame %d", i).isEqualTo(first.get(i));
        }
    }

    @Test
    void differentSeedsGiveDifferentFrames() throws Exception {
        List<byte[]> a = render("seed-1", 1);
        List<byte[]> b = render("seed-2", 2);
        long differing = java.util.stream.IntStream.range(0, Math.min(a.size(), b.size()))
                .filter(i -> !java.util.Arrays.equals(a.get(i), b.get(i))).count();
        assertThat(differing).as("frames that differ between seeds 1 and 2").isPositive();
    }
}
