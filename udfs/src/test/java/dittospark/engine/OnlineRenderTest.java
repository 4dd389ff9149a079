package dittospark.engine;

import dittospark.errors.RenderException;
import dittospark.errors.ErrorKind;
import com.fasterxml.jackson.databind.JsonNode;
import dittospark.media.FfmpegCli;
import dittospark.media.MediaFrames;
import dittospark.media.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A file rendered with online_mode: the streaming motion, written as a complete video like an offline one. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnlineRenderTest {
    /** The release's online config: clips of 80 frames sharing 70, 10 DDIM steps. */
    private static final String ONLINE = "{\"max_size\": 256, \"online_mode\": true, \"overlap_v2\": 70,"
            + " \"sampling_timesteps\": 10}";

    @TempDir
    Path work;

    private RenderEngine engine;
    private Path speech;
    private double seconds;

    @BeforeAll
    void setUp(@TempDir Path shared) throws Exception {
        FfmpegCli.assumeInstalled();
        engine = DemoModels.engine();
        speech = Samples.speech(shared, 0, 3.3);
        seconds = MediaFrames.audioSeconds(speech);
    }

    @AfterAll
    void tearDown() {
        if (engine != null) {
            engine.close();
        }
    }

    private Path render(String name, String options, long seed) throws Exception {
        Path out = work.resolve(name + ".mp4");
        engine.render(RenderRequest.builder().source(Samples.file("portrait.png")).audio(speech).output(out)
                .options(RenderOptions.parse(options)).seed(seed).build(), RenderProgress.NONE);
        return out;
    }

    @Test
    void theVideoHasOneFramePer40msOfSpeechThoughTheStreamHandsOutMore() throws Exception {
        JsonNode video = FfmpegCli.stream(FfmpegCli.probe(render("frames", ONLINE, 7)), "video");
        assertThat(video.path("codec_name").asText()).as("codec").isEqualTo("h264");
        assertThat(video.path("nb_read_frames").asInt()).as("decoded frames")
                .isEqualTo((int) Math.ceil(seconds * 25 - 1e-9));
    }

    @Test
    void sameSeedGivesIdenticalFrames() throws Exception {
        List<byte[]> first = MediaFrames.rgb(render("first", ONLINE, 3));
        List<byte[]> second = MediaFrames.rgb(render("second", ONLINE, 3));
        assertThat(second).as("decoded frames of the rerun").hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).as("frame %d", i).isEqualTo(first.get(i));
        }
    }

    @Test
    void theMouthFollowsTheLoudness() throws Exception {
        Path video = render("mouth", ONLINE, 7);
        float[][] frames = MediaFrames.grey(video, 160);
        double[] loudness = MediaFrames.loudnessPerFrame(video, frames.length);
        double[] motion = MediaFrames.busiestRegionChange(frames, MediaFrames.quietest(loudness));
        assertThat(MediaFrames.correlation(motion, loudness)).as("correlation of mouth motion with loudness")
                .isGreaterThan(0.6);
    }

    @Test
    void onlineMotionIsNotTheOfflineMotion() throws Exception {
        List<byte[]> online = MediaFrames.rgb(render("online", ONLINE, 7));
        List<byte[]> offline = MediaFrames.rgb(render("offline", "{\"max_size\": 256}", 7));
        assertThat(online).as("frames online and offline").hasSameSizeAs(offline);
        long differing = java.util.stream.IntStream.range(0, online.size())
                .filter(i -> !Arrays.equals(online.get(i), offline.get(i))).count();
        assertThat(differing).as("frames where the streaming motion differs from the offline one").isPositive();
    }

    @Test
    void speechTooShortForTheOverlapFailsAsABadOptionLeavingNoVideo() throws Exception {
        Path shortSpeech = Samples.speech(work, 0, 1.0);
        Path out = work.resolve("short.mp4");
        RenderRequest request = RenderRequest.builder().source(Samples.file("portrait.png")).audio(shortSpeech)
                .output(out).options(RenderOptions.parse("{\"max_size\": 256, \"online_mode\": true}")).build();

        assertThatThrownBy(() -> engine.render(request, RenderProgress.NONE)).as("1 s of speech with overlap_v2 10")
                .isInstanceOf(RenderException.class)
                .satisfies(e -> assertThat(((RenderException) e).kind()).as("kind").isEqualTo(ErrorKind.BAD_OPTION))
                .hasMessageContaining("overlap_v2 = 10");
        assertThat(out).as("video of the failed render").doesNotExist();
    }
}
