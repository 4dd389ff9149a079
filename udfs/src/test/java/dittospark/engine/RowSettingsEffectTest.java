package dittospark.engine;

import dittospark.media.FfmpegCli;
import dittospark.media.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dittospark.engine.FrameRegions.changed;
import static dittospark.engine.FrameRegions.count;
import static dittospark.engine.FrameRegions.diff;
import static dittospark.engine.FrameRegions.moving;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Setup arguments a row sets that only the model config could set before, and the list and vector forms
 * of {@code ctrl}, each on a render of the sample portrait (0.6 s, 15 frames) with the demo models, whose
 * motion model moves only the lips, with the loudness.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowSettingsEffectTest {
    private static final int FRAMES = 15;
    /** Above the encoder's noise in the mouth region, below any visible opening. */
    private static final double MOUTH_AT_REST = 4;
    /** Columns of a motion row before exp: scale, pitch, yaw, roll (66 bins each) and t. */
    private static final int EXP_COLUMN = 1 + 3 * 66 + 3;
    private static final int[] LIP_KEYPOINTS = {6, 12, 14, 17, 19, 20};
    private static final String BLINK_ROWS = "[" + row(0f) + ", " + row(0.05f) + ", " + row(0.05f) + "]";

    private DemoRenders renders;
    private Path portrait;
    private Path speech;
    private DemoRenders.Rendered base;
    private boolean[] mouth;

    @BeforeAll
    void renderWithoutOptions() throws Exception {
        FfmpegCli.assumeInstalled();
        renders = new DemoRenders(DemoModels.engine());
        portrait = Samples.file("portrait.png");
        speech = renders.speech(0.2, 0.6);
        base = render("");
        mouth = moving(base.frames(), 8);
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (renders != null) {
            renders.close();
        }
    }

    private DemoRenders.Rendered render(String options) throws Exception {
        return renders.render(portrait, speech, "{\"max_size\": 256" + (options.isEmpty() ? "" : ", " + options) + "}");
    }

    private static String row(float value) {
        return "[" + String.join(", ", Collections.nCopies(63, Float.toString(value))) + "]";
    }

    /** Summed distance of the mouth from the base render's silent first frame, over all frames. */
    private double mouthMotion(DemoRenders.Rendered r) {
        double sum = 0;
        for (int i = 0; i < r.frames().size(); i++) {
            sum += diff(r.frame(i), base.frame(0), mouth);
        }
        return sum;
    }

    private void assertMouthAtRest(DemoRenders.Rendered r, String what) {
        for (int i = 0; i < r.frames().size(); i++) {
            assertThat(diff(r.frame(i), base.frame(0), mouth)).as("mouth of frame %d with %s", i, what)
                    .isLessThan(MOUTH_AT_REST);
        }
    }

    private static void assertSameFrames(DemoRenders.Rendered actual, DemoRenders.Rendered expected, String what) {
        assertThat(actual.frames()).as("frames of %s", what).hasSameSizeAs(expected.frames());
        for (int i = 0; i < expected.frames().size(); i++) {
            assertThat(actual.frame(i)).as("frame %d of %s", i, what).isEqualTo(expected.frame(i));
        }
    }

    @Test
    void theSpeechMovesTheMouthWithoutOptions() {
        assertThat(mouthMotion(base)).as("mouth motion of the base render").isGreaterThan(FRAMES * MOUTH_AT_REST);
    }

    @Test
    void aWeightOnExpScalesTheMouthsMotion() throws Exception {
        DemoRenders.Rendered r = render("\"use_d_keys\": {\"exp\": 0.5, \"pitch\": 1, \"yaw\": 1, \"roll\": 1, \"t\": 1}");

        assertThat(mouthMotion(r)).as("mouth motion with exp weighted 0.5").isLessThan(0.8 * mouthMotion(base))
                .isGreaterThan(0.2 * mouthMotion(base));
    }

    @Test
    void keysWithoutExpLeaveTheMouthAtRest() throws Exception {
        assertMouthAtRest(render("\"use_d_keys\": [\"pitch\", \"yaw\", \"roll\", \"t\"]"), "use_d_keys without exp");
    }

    @Test
    void boundsThatPinTheLipsLeaveTheMouthAtRest() throws Exception {
        double[] min = new double[265];
        double[] max = new double[265];
        Arrays.fill(min, -1000);
        Arrays.fill(max, 1000);
        for (int kp : LIP_KEYPOINTS) {
            for (int j = 0; j < 3; j++) {
                min[EXP_COLUMN + 3 * kp + j] = 0;
                max[EXP_COLUMN + 3 * kp + j] = 0;
            }
        }
        assertMouthAtRest(render("\"v_min_max_for_clip\": [" + list(min) + ", " + list(max) + "]"),
                "v_min_max_for_clip pinning the lips' expression to 0");
    }

    private static String list(double[] values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    @Test
    void blinkRowsOfARowBlinkOnTheScheduledFrames() throws Exception {
        DemoRenders.Rendered open = render("\"delta_eye_open_n\": -1");
        DemoRenders.Rendered blinking = render("\"delta_eye_arr\": " + BLINK_ROWS + ", \"delta_eye_open_n\": 3");

        for (int i : new int[] {4, 5, 10, 11}) {
            assertThat(count(changed(blinking.frame(i), open.frame(i), 12))).as("pixels the blink changes at frame %d", i)
                    .isGreaterThan(50);
        }
        for (int i : new int[] {0, 1, 2}) {
            assertThat(count(changed(blinking.frame(i), open.frame(i), 12))).as("pixels changed before the first blink, frame %d", i)
                    .isLessThan(10);
        }
    }

    @Test
    void anOverallFadeToTheSourceLeavesTheMouthAtRest() throws Exception {
        assertMouthAtRest(render("\"fade_type\": \"s\", \"overall_ctrl_info\": {\"fade_alpha\": 0}"),
                "every frame faded to the source");
    }

    @Test
    void fadeOutKeysWithoutExpKeepTheMouthMoving() throws Exception {
        DemoRenders.Rendered r = render("\"fade_type\": \"s\", \"overall_ctrl_info\": {\"fade_alpha\": 0},"
                + " \"fade_out_keys\": [\"t\"]");

        assertThat(mouthMotion(r)).as("mouth motion when only t fades").isGreaterThan(0.8 * mouthMotion(base));
    }

    @Test
    void aFramesOwnFadeOutKeysWinOverTheRows() throws Exception {
        String everyFrame = IntStream.range(0, FRAMES).mapToObj(i -> "{\"fade_out_keys\": [\"t\"]}")
                .collect(Collectors.joining(", ", "[", "]"));
        DemoRenders.Rendered r = render("\"fade_type\": \"s\", \"overall_ctrl_info\": {\"fade_alpha\": 0},"
                + " \"ctrl\": " + everyFrame);

        assertThat(mouthMotion(r)).as("mouth motion when each frame fades only t").isGreaterThan(0.8 * mouthMotion(base));
    }

    @Test
    void aListOfControlsIsTheMapOfTheirFrameNumbers() throws Exception {
        DemoRenders.Rendered list = render("\"ctrl\": [{}, {}, {\"delta_yaw\": 10}]");
        DemoRenders.Rendered map = render("\"ctrl\": {\"2\": {\"delta_yaw\": 10}}");

        assertSameFrames(list, map, "ctrl as a list");
        assertThat(diff(list.frame(2), base.frame(2))).as("frame 2 turned by 10 degrees against the base").isGreaterThan(0.2);
    }

    @Test
    void sixtyThreeEqualExpressionOffsetsAreTheScalarOffset() throws Exception {
        DemoRenders.Rendered vector = render("\"ctrl\": {\"3\": {\"delta_exp\": " + row(0.02f) + "}}");
        DemoRenders.Rendered scalar = render("\"ctrl\": {\"3\": {\"delta_exp\": 0.02}}");

        assertSameFrames(vector, scalar, "delta_exp as 63 values");
        assertThat(diff(vector.frame(3), base.frame(3))).as("frame 3 with delta_exp against the base").isGreaterThan(0.1);
    }

    @Test
    void overallControlsApplyToEveryFrame() throws Exception {
        String everyFrame = IntStream.range(0, FRAMES).mapToObj(i -> "{\"delta_yaw\": 10}")
                .collect(Collectors.joining(", ", "[", "]"));

        assertSameFrames(render("\"overall_ctrl_info\": {\"delta_yaw\": 10}"), render("\"ctrl\": " + everyFrame),
                "overall_ctrl_info against the same control on every frame");
    }

    @Test
    void aFramesOwnControlWinsOverTheOverallOne() throws Exception {
        DemoRenders.Rendered r = render("\"overall_ctrl_info\": {\"delta_yaw\": 10}, \"ctrl\": {\"4\": {\"delta_yaw\": 0}}");

        assertThat(diff(r.frame(4), base.frame(4))).as("frame 4, whose own delta_yaw is 0, against the base")
                .isLessThan(diff(r.frame(5), base.frame(5)));
    }
}
