package dittospark.engine;

import dittospark.media.MediaFrames;
import dittospark.media.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A render with the warp and the decoder composed gives the frames of the render with the two apart. */
class CompositionRenderTest {
    @TempDir
    Path dir;

    @Test
    void composedAndSeparateRendersGiveTheSameFrames() throws Exception {
        Path audio = Samples.speech(dir, 0, 0.6);
        List<byte[]> apart = frames(Composition.OFF, audio, dir.resolve("apart.mp4"));
        List<byte[]> composed = frames(Composition.ON, audio, dir.resolve("composed.mp4"));

        assertThat(composed).as("frame count").hasSameSizeAs(apart);
        int worst = 0;
        for (int f = 0; f < apart.size(); f++) {
            for (int i = 0; i < apart.get(f).length; i++) {
                worst = Math.max(worst, Math.abs((apart.get(f)[i] & 0xff) - (composed.get(f)[i] & 0xff)));
            }
        }
        assertThat(worst).as("largest difference of an 8-bit sample").isLessThanOrEqualTo(1);
    }

    @Test
    void theComposedStageIsTimedUnderItsOwnName() throws Exception {
        RenderResult r = render(Composition.ON, Samples.speech(dir, 0, 0.3), dir.resolve("c.mp4"));

        assertThat(r.stageSeconds()).as("stages").containsKey("warp+decode").doesNotContainKeys("warp", "decode");
    }

    private List<byte[]> frames(Composition composition, Path audio, Path out) throws Exception {
        render(composition, audio, out);
        return MediaFrames.rgb(out);
    }

    private static RenderResult render(Composition composition, Path audio, Path out) throws Exception {
        try (RenderEngine engine = RenderEngine.builder().models(DemoModels.folder()).composition(composition).build()) {
            return engine.render(RenderRequest.builder().source(Samples.file("portrait.png")).audio(audio).output(out)
                    .seed(7).build(), RenderProgress.NONE);
        }
    }
}
