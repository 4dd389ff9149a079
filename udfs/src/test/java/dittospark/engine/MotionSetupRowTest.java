package dittospark.engine;

import dittospark.motion.MotionSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Motion settings that only a model config could set before, read from a row. */
class MotionSetupRowTest {
    @Test
    void aRowsFixKpCondDimReachesTheMotionSettings() throws Exception {
        MotionSettings m = MotionSetup.motion(RenderSettings.of(null,
                RenderOptions.parse("{\"fix_kp_cond\": 1, \"fix_kp_cond_dim\": [202, 265]}")));

        assertThat(m.fixKpCondDim()).as("fix_kp_cond_dim").containsExactly(202, 265);
    }

    @Test
    void aRowsClipBoundsReachTheMotionSettings() throws Exception {
        String row = "[" + "0.5, ".repeat(264) + "0.5]";
        MotionSettings m = MotionSetup.motion(RenderSettings.of(null,
                RenderOptions.parse("{\"v_min_max_for_clip\": [" + row + ", " + row + "]}")));

        assertThat(m.valueRange()).as("v_min_max_for_clip rows").hasNumberOfRows(2);
        assertThat(m.valueRange()[1]).as("maximum row").hasSize(265).containsOnly(0.5f);
    }
}
