package dittospark.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dittospark.media.FfmpegCli;
import dittospark.media.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static dittospark.engine.FrameRegions.changed;
import static dittospark.engine.FrameRegions.count;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blink options on the sample portrait with the demo models and a config that, like the online
 * release config, carries a blink array ({@code delta_eye_arr}): row 0 leaves the eyes as they are,
 * rows 1 and 2 move the eye keypoints, so a blink shows as a changed eye region.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EyeOptionsEffectTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BLINK_ROWS = 3;
    private static final float BLINK_OFFSET = 0.05f;
    /** Gap 3 over 15 frames: blinks start at frames 3 and 9; their rows 1 and 2 fall on these frames. */
    private static final Set<Integer> CLOSED_EYES = Set.of(4, 5, 10, 11);

    private DemoRenders renders;
    private Path speech;
    private DemoRenders.Rendered noBlinks;

    @BeforeAll
    void renderWithoutBlinks() throws Exception {
        FfmpegCli.assumeInstalled();
        Path config = Files.createTempFile("blink-config-", ".json");
        writeBlinkConfig(config);
        renders = new DemoRenders(RenderEngine.builder().models(DemoModels.folder()).config(config).build());
        Files.delete(config);
        speech = renders.speech(0.2, 0.6);
        noBlinks = render("\"delta_eye_open_n\": -1");
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (renders != null) {
            renders.close();
        }
    }

    private static void writeBlinkConfig(Path target) throws Exception {
        ObjectNode config = (ObjectNode) JSON.readTree(
                DemoModels.folder().resolve("ditto_cfg/v0.4_hubert_cfg_trt.json").toFile());
        ArrayNode rows = ((ObjectNode) config.get("default_kwargs")).putArray("delta_eye_arr");
        for (int r = 0; r < BLINK_ROWS; r++) {
            ArrayNode row = rows.addArray();
            for (int i = 0; i < 63; i++) {
                row.add(r == 0 ? 0f : BLINK_OFFSET);
            }
        }
        JSON.writeValue(target.toFile(), config);
    }

    private DemoRenders.Rendered render(String options) throws Exception {
        return renders.render(Samples.file("portrait.png"), speech, "{\"max_size\": 256, " + options + "}");
    }

    private int changedPixels(DemoRenders.Rendered r, int frame) {
        return count(changed(r.frame(frame), noBlinks.frame(frame), 12));
    }

    @Test
    void fixedOpenGapBlinksOnTheScheduledFramesOnly() throws Exception {
        DemoRenders.Rendered r = render("\"delta_eye_open_n\": 3");

        for (int i = 0; i < r.frames().size(); i++) {
            if (CLOSED_EYES.contains(i)) {
                assertThat(changedPixels(r, i)).as("pixels changed by the blink at frame %d", i).isGreaterThan(50);
            } else {
                assertThat(changedPixels(r, i)).as("pixels changed at open-eye frame %d", i).isLessThan(10);
            }
        }
    }

    @Test
    void eyesNotDrivenNeverBlink() throws Exception {
        DemoRenders.Rendered r = render("\"delta_eye_open_n\": 3, \"drive_eye\": false");

        for (int i = 0; i < r.frames().size(); i++) {
            assertThat(changedPixels(r, i)).as("pixels changed at frame %d with drive_eye false", i).isLessThan(10);
        }
    }
}
