package dittospark.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.files.LocalFiles;
import dittospark.media.FfmpegCli;
import dittospark.media.MediaFrames;
import dittospark.media.Samples;
import dittospark.video.SourceKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The sample portrait and speech through the whole pipeline with the demo models, checked by an
 * independent decoder (ffprobe/ffmpeg from Debian). One render is shared by the tests that inspect it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenderEngineEndToEndIT {
    private static final double FRAME = 1 / 25.0;

    private Path work;
    private RenderEngine engine;
    private Path portraitVideo;
    private RenderResult portraitResult;
    private double speechSeconds;

    @BeforeAll
    void renderThePortrait() throws Exception {
        FfmpegCli.assumeInstalled();
        work = Files.createTempDirectory("e2e-");
        engine = DemoModels.engine();
        Path speech = Samples.file("speech_24k.wav");
        speechSeconds = MediaFrames.audioSeconds(speech);
        portraitVideo = work.resolve("portrait.mp4");
        portraitResult = engine.render(RenderRequest.builder().source(Samples.file("portrait.png")).audio(speech)
                .output(portraitVideo).options(RenderOptions.parse("{\"max_size\": 720}")).seed(1).build(),
                RenderProgress.NONE);
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (work != null) {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void videoStreamIsH264Yuv420pAt25FpsWithOneFramePer40msOfSpeech() {
        JsonNode video = FfmpegCli.stream(FfmpegCli.probe(portraitVideo), "video");
        int expectedFrames = (int) Math.ceil(speechSeconds * 25 - 1e-9);
        assertThat(video.path("codec_name").asText()).as("codec").isEqualTo("h264");
        assertThat(video.path("pix_fmt").asText()).as("pixel format").isEqualTo("yuv420p");
        assertThat(video.path("r_frame_rate").asText()).as("frame rate").isEqualTo("25/1");
        assertThat(video.path("nb_read_frames").asInt()).as("decoded frames").isEqualTo(expectedFrames);
        assertThat(portraitResult.frames()).as("frames the engine reports").isEqualTo(expectedFrames);
        assertThat(video.path("width").asInt() % 2 + video.path("height").asInt() % 2).as("odd dimensions").isZero();
    }

    @Test
    void audioStreamIsAacAsLongAsTheVideoWithinOneFrame() {
        JsonNode probe = FfmpegCli.probe(portraitVideo);
        JsonNode audio = FfmpegCli.stream(probe, "audio");
        double videoSeconds = FfmpegCli.stream(probe, "video").path("nb_read_frames").asInt() * FRAME;
        assertThat(audio.path("codec_name").asText()).as("audio codec").isEqualTo("aac");
        assertThat(audio.path("duration").asDouble()).as("audio duration against video duration")
                .isCloseTo(videoSeconds, within(FRAME));
    }

    @Test
    void mouthMovesWithLoudnessAndRestsInSilence() throws Exception {
        float[][] frames = MediaFrames.grey(portraitVideo, 160);
        double[] loudness = MediaFrames.loudnessPerFrame(portraitVideo, frames.length);
        double[] motion = MediaFrames.busiestRegionChange(frames, MediaFrames.quietest(loudness));
        assertThat(MediaFrames.correlation(motion, loudness)).as("correlation of mouth motion with loudness")
                .isGreaterThan(0.6);
        double maxLoud = java.util.Arrays.stream(loudness).max().orElseThrow();
        double maxMotion = java.util.Arrays.stream(motion).max().orElseThrow();
        for (int i = 0; i < frames.length; i++) {
            if (loudness[i] < 0.02 * maxLoud) {
                assertThat(motion[i]).as("mouth motion in silent frame %d", i).isLessThan(0.1 * maxMotion);
            }
        }
    }

    @Test
    void resultDescribesTheRender() throws Exception {
        assertThat(portraitResult.sourceKind()).as("source kind").isEqualTo(SourceKind.IMAGE);
        assertThat(List.of(portraitResult.width(), portraitResult.height())).as("output size").containsExactly(720, 720);
        assertThat(portraitResult.outputBytes()).as("bytes reported").isEqualTo(Files.size(portraitVideo));
        assertThat(portraitResult.provider()).as("provider").isEqualTo("cpu");
        assertThat(portraitResult.stageSeconds()).as("stage timings").containsKeys("register", "motion", "warp", "encode");
    }

    @Test
    void digestReportedIsThatOfTheOutputFile() throws Exception {
        assertThat(portraitResult.outputSha256()).as("digest reported").isEqualTo(LocalFiles.sha256Hex(portraitVideo));
    }

    @Test
    void thumbnailIsAJpegWhoseLongerSideIs160() throws Exception {
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(portraitResult.thumbnailJpeg()));

        assertThat(thumbnail).as("decoded thumbnail").isNotNull();
        assertThat(Math.max(thumbnail.getWidth(), thumbnail.getHeight())).as("longer side").isEqualTo(160);
    }

    @Test
    void videoSourceRendersAtItsOwnSize() throws Exception {
        Path speech = Samples.speech(work, 0, 2);
        Path out = work.resolve("video.mp4");
        RenderResult r = engine.render(RenderRequest.builder().source(Samples.file("portrait_clip_3s.mp4"))
                .audio(speech).output(out).seed(3).build(), RenderProgress.NONE);
        JsonNode video = FfmpegCli.stream(FfmpegCli.probe(out), "video");
        JsonNode sourceVideo = FfmpegCli.stream(FfmpegCli.probe(Samples.file("portrait_clip_3s.mp4")), "video");
        assertThat(r.sourceKind()).as("source kind").isEqualTo(SourceKind.VIDEO);
        assertThat(video.path("nb_read_frames").asInt()).as("frames for 2 s of speech").isEqualTo(50);
        assertThat(List.of(video.path("width").asInt(), video.path("height").asInt())).as("output size")
                .containsExactly(sourceVideo.path("width").asInt() / 2 * 2, sourceVideo.path("height").asInt() / 2 * 2);
    }
}
