package dittospark.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dittospark.files.LocalFiles;
import dittospark.media.FfmpegCli;
import dittospark.media.Samples;
import dittospark.motion.ConditionParts;
import dittospark.motion.MotionKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static dittospark.engine.FrameRegions.diff;
import static dittospark.engine.FrameRegions.moving;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the motion conditions come from, with a model set whose motion follows the picture
 * ({@link PictureMotionModels}): the sample clip pans, so each of its frames has motion of its own. The
 * conditions' source keypoints ({@code sc}) are frame 0's before source smoothing, as the reference
 * takes them; {@code ch_info} takes them, the eye state and the first kp_cond from another source, and
 * rescales the driven motion by that source's scale.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourceConditionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int AUDIO_WIDTH = 1024;
    private static final int KP = ConditionParts.KEYPOINTS_DIM;

    private Path work;
    private RenderEngine engine;
    private JsonNode configDefaults;
    private DemoRenders renders;
    private Path clip;
    private Path portrait;

    @BeforeAll
    void buildTheEngine() throws Exception {
        work = Files.createTempDirectory("conditions-");
        Path models = PictureMotionModels.write(Files.createDirectory(work.resolve("models")));
        configDefaults = JSON.readTree(models.resolve("ditto_cfg/v0.4_hubert_cfg_trt.json").toFile()).get("default_kwargs");
        engine = RenderEngine.builder().models(models).build();
        renders = new DemoRenders(RenderEngine.builder().models(models).build());
        clip = Samples.file("portrait_clip_3s.mp4");
        portrait = Samples.file("portrait.png");
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (renders != null) {
            renders.close();
        }
        LocalFiles.deleteRecursively(work);
    }

    private RenderSettings settings(String options) throws Exception {
        return RenderSettings.of(configDefaults, RenderOptions.parse(options));
    }

    private RegisteredSource clip(int smoothing) throws Exception {
        return engine.register(clip, settings("{\"max_size\": 256, \"template_n_frames\": 25, \"smo_k_s\": "
                + smoothing + "}"));
    }

    /** The sc columns of the first condition row: the row's last 63 values. */
    private float[] sc(ConditionSource drivers) throws Exception {
        float[] row = engine.conditions(new float[2][AUDIO_WIDTH], drivers, settings("{}"))[0];
        return Arrays.copyOfRange(row, row.length - KP, row.length);
    }

    @Test
    void smoothingMovesTheFirstFramesMotion() throws Exception {
        assertThat(clip(13).motion().get(0).get(MotionKey.KP)).as("frame 0's kp smoothed over 13 frames")
                .isNotEqualTo(clip(1).motion().get(0).get(MotionKey.KP));
    }

    @ParameterizedTest
    @ValueSource(ints = {13, 1})
    void theConditionsTakeTheSourceKeypointsOfTheUnsmoothedFirstFrame(int smoothing) throws Exception {
        float[] extracted = clip(1).motion().get(0).get(MotionKey.KP);

        assertThat(sc(ConditionSource.of(clip(smoothing)))).as("sc with smo_k_s %d", smoothing).containsExactly(extracted);
    }

    @Test
    void theFirstClipStillContinuesFromTheSmoothedFirstFrame() throws Exception {
        RegisteredSource smoothed = clip(13);

        assertThat(ConditionSource.of(smoothed).kpCond().get(MotionKey.EXP)).as("kp_cond's exp with smo_k_s 13")
                .containsExactly(smoothed.motion().get(0).get(MotionKey.EXP));
    }

    @Test
    void anotherAvatarGivesItsOwnUnsmoothedFirstFrameAndEyes() throws Exception {
        RegisteredSource other = clip(13);
        ConditionSource drivers = ConditionSource.otherAvatar(other);

        assertThat(sc(drivers)).as("sc from the other avatar").containsExactly(other.firstFrame().get(MotionKey.KP));
        assertThat(drivers.kpCond().get(MotionKey.KP)).as("kp_cond from the other's unsmoothed frame 0")
                .containsExactly(clip(1).motion().get(0).get(MotionKey.KP));
        assertThat(drivers.eyeOpen()).as("eye openness of the other's frames").hasNumberOfRows(25);
        assertThat(drivers.otherScale()).as("the other's scale").isEqualTo((double) other.firstFrame().scale());
    }

    private DemoRenders.Rendered render(String options) throws Exception {
        FfmpegCli.assumeInstalled();
        return renders.render(portrait, renders.speech(0.2, 0.6), "{\"max_size\": 256" + options + "}");
    }

    @Test
    void theSourceItselfAsChInfoRendersAsWithout() throws Exception {
        DemoRenders.Rendered base = render("");
        DemoRenders.Rendered self = render(", \"ch_info\": " + JSON.writeValueAsString(portrait.toString()));

        for (int i = 0; i < base.frames().size(); i++) {
            assertThat(self.frame(i)).as("frame %d with ch_info naming the source", i).isEqualTo(base.frame(i));
        }
    }

    /** A darker copy has a smaller scale, so the driven lips move by less (scale ratio about 0.75). */
    @Test
    void aSmallerOtherAvatarScalesTheMouthsMotionDown() throws Exception {
        Path darker = work.resolve("darker.png");
        BufferedImage picture = ImageIO.read(portrait.toFile());
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                int rgb = picture.getRGB(x, y);
                picture.setRGB(x, y, (rgb >> 1) & 0x7F7F7F);
            }
        }
        ImageIO.write(picture, "png", darker.toFile());
        DemoRenders.Rendered base = render("");
        DemoRenders.Rendered driven = render(", \"ch_info\": " + JSON.writeValueAsString(darker.toString()));
        boolean[] mouth = moving(base.frames(), 8);

        double own = 0;
        double other = 0;
        for (int i = 1; i < base.frames().size(); i++) {
            own += diff(base.frame(i), base.frame(0), mouth);
            other += diff(driven.frame(i), base.frame(0), mouth);
        }
        assertThat(other).as("mouth motion driven with the darker avatar's statistics").isLessThan(0.9 * own);
        assertThat(other).as("mouth motion driven with the darker avatar's statistics").isGreaterThan(0.3 * own);
    }
}
