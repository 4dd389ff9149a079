package dittospark.engine;

import dittospark.files.LocalFiles;
import dittospark.media.AudioDecoder;
import dittospark.media.DecodedAudio;
import dittospark.media.MediaFrames;
import dittospark.media.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A render of several frames per warp and decoder call gives the frames of one frame per call. */
class BatchedRenderTest {
    private static final String ONLINE = "{\"max_size\": 256, \"online_mode\": true, \"overlap_v2\": 70,"
            + " \"sampling_timesteps\": 10}";

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

    @Test
    void aStreamingSessionWithBatchesOfFourGivesTheFramesOfOne() throws Exception {
        Path models = BatchableDemoModels.into(dir.resolve("models"));
        DecodedAudio audio = AudioDecoder.decode(Samples.speech(dir, 0, 1.2));
        List<byte[]> one = MediaFrames.rgb(stream(models, 1, audio, dir.resolve("one.mp4")));
        List<byte[]> four = MediaFrames.rgb(stream(models, 4, audio, dir.resolve("four.mp4")));

        assertThat(four).as("frame count").hasSameSizeAs(one);
        assertThat(worst(one, four)).as("largest difference of an 8-bit sample").isZero();
    }

    /** A live session of the audio pushed in pieces of 0.2 s, on an engine of {@code batch} frames per call. */
    private static Path stream(Path models, int batch, DecodedAudio audio, Path out) throws Exception {
        try (RenderEngine engine = RenderEngine.builder().models(models).batch(batch).build();
             RenderSession session = engine.openSession(SessionRequest.builder().source(Samples.file("portrait.png"))
                     .output(out).options(RenderOptions.parse(ONLINE)).seed(5).build(), RenderProgress.NONE)) {
            float[] all = audio.interleaved();
            int step = audio.sampleRate() / 5 * audio.channels();
            for (int at = 0; at < all.length; at += step) {
                session.push(java.util.Arrays.copyOfRange(all, at, Math.min(all.length, at + step)),
                        audio.sampleRate(), audio.channels());
            }
            session.finish();
        }
        return out;
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
