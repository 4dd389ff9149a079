package dittospark.engine;

import dittospark.files.LocalFiles;
import dittospark.media.MediaFrames;
import dittospark.media.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A render of several frames per warp and decoder call gives the frames of one frame per call. */
class BatchedRenderTest {
    @TempDir
    Path dir;

    @Test
    void batchesOfFourOfTheSeparateWarpAndDecoderGiveTheFramesOfOne() throws Exception {
        Path models = BatchableDemoModels.into(dir.resolve("models"));
        Path audio = Samples.speech(dir, 0, 0.6);
        List<byte[]> one = frames(models, Composition.OFF, 1, audio, dir.resolve("one.mp4"));
        List<byte[]> four = frames(models, Composition.OFF, 4, audio, dir.resolve("four.mp4"));

        assertThat(four).as("frame count").hasSameSizeAs(one);
        assertThat(worst(one, four)).as("largest difference of an 8-bit sample").isZero();
    }

    @Test
    void batchesOfFourOfTheComposedWarpAndDecoderGiveTheFramesOfOne() throws Exception {
        Path models = BatchableDemoModels.into(dir.resolve("models"));
        Path audio = Samples.speech(dir, 0, 0.6);
        List<byte[]> one = frames(models, Composition.ON, 1, audio, dir.resolve("one.mp4"));
        List<byte[]> four = frames(models, Composition.ON, 4, audio, dir.resolve("four.mp4"));

        assertThat(four).as("frame count").hasSameSizeAs(one);
        assertThat(worst(one, four)).as("largest difference of an 8-bit sample").isZero();
    }

    @Test
    void theDemoSetWhichPinsItsBatchRendersTheSameVideoWithBatchesOfFour() throws Exception {
        Path audio = Samples.speech(dir, 0, 0.4);
        render(DemoModels.folder(), Composition.OFF, 1, audio, dir.resolve("one.mp4"));
        render(DemoModels.folder(), Composition.OFF, 4, audio, dir.resolve("four.mp4"));

        assertThat(LocalFiles.sha256Hex(dir.resolve("four.mp4"))).as("sha-256 of the video with --batch 4")
                .isEqualTo(LocalFiles.sha256Hex(dir.resolve("one.mp4")));
    }

    private static int worst(List<byte[]> a, List<byte[]> b) {
        int worst = 0;
        for (int f = 0; f < a.size(); f++) {
            for (int i = 0; i < a.get(f).length; i++) {
                worst = Math.max(worst, Math.abs((a.get(f)[i] & 0xff) - (b.get(f)[i] & 0xff)));
            }
        }
        return worst;
    }

    private static List<byte[]> frames(Path models, Composition composition, int batch, Path audio, Path out)
            throws Exception {
        render(models, composition, batch, audio, out);
        return MediaFrames.rgb(out);
    }

    private static void render(Path models, Composition composition, int batch, Path audio, Path out) throws Exception {
        try (RenderEngine engine = RenderEngine.builder().models(models).composition(composition).batch(batch).build()) {
            engine.render(RenderRequest.builder().source(Samples.file("portrait.png")).audio(audio).output(out)
                    .seed(7).build(), RenderProgress.NONE);
        }
    }
}
