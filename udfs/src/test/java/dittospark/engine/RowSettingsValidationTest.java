package dittospark.engine;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The setup arguments that only a model config could set before, the list form of {@code ctrl}, the
 * vector {@code delta_exp}, {@code ch_info} and the reference's {@code emo} forms, as a row gives them.
 */
class RowSettingsValidationTest {
    private static final String ROW_OF_265 = row(265, "0.5");
    private static final String ROW_OF_63 = row(63, "0.01");

    private static String row(int n, String value) {
        return "[" + String.join(", ", Collections.nCopies(n, value)) + "]";
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"fix_kp_cond_dim\": [0, 202]}",
            "{\"fix_kp_cond_dim\": null}",
            "{\"v_min_max_for_clip\": [ROW265, ROW265]}",
            "{\"use_d_keys\": [\"exp\", \"yaw\"]}",
            "{\"use_d_keys\": {\"exp\": 0.5, \"t\": 1}}",
            "{\"use_d_keys\": []}",
            "{\"delta_eye_arr\": [ROW63, ROW63]}",
            "{\"fade_out_keys\": [\"exp\", \"t\"]}",
            "{\"overall_ctrl_info\": {\"delta_yaw\": 5, \"fade_out_keys\": [\"exp\"]}}",
            "{\"N_d\": 40}",
            "{\"ch_info\": \"s3a://bucket/avatars/other.mp4\"}",
            "{\"ctrl\": [{}, {\"delta_yaw\": 10}, {\"fade_alpha\": 0.5, \"fade_out_keys\": [\"t\"]}]}",
            "{\"ctrl\": {\"3\": {\"delta_exp\": ROW63}}}",
            "{\"ctrl\": {\"3\": {\"fade_out_keys\": [\"exp\", \"pitch\"]}}}",
            "{\"emo\": [[0, 0, 0, 1, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0, 0, 0]]}",
            "{\"emo\": [3, 4, 5, 6, 7, 0, 1]}",
    })
    void aRowMaySetIt(String template) throws RenderException {
        String json = fill(template);
        assertThat(RenderOptions.parse(json).values()).as(template).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"fix_kp_cond_dim\": [202, 0]}",
            "{\"fix_kp_cond_dim\": [0, 266]}",
            "{\"fix_kp_cond_dim\": [0]}",
            "{\"v_min_max_for_clip\": [ROW265]}",
            "{\"v_min_max_for_clip\": [ROW265, [1, 2]]}",
            "{\"v_min_max_for_clip\": [ROW265, ROW63]}",
            "{\"use_d_keys\": [\"kp\"]}",
            "{\"use_d_keys\": [\"mouth\"]}",
            "{\"use_d_keys\": {\"exp\": 1e400}}",
            "{\"use_d_keys\": \"exp\"}",
            "{\"delta_eye_arr\": []}",
            "{\"delta_eye_arr\": [[0.1, 0.2]]}",
            "{\"delta_eye_arr\": [ROW63, ROW265]}",
            "{\"fade_out_keys\": null}",
            "{\"fade_out_keys\": {\"exp\": 1}}",
            "{\"overall_ctrl_info\": {\"delta_yaw\": 500}}",
            "{\"overall_ctrl_info\": [{}]}",
            "{\"N_d\": -2}",
            "{\"ch_info\": \"\"}",
            "{\"ch_info\": 3}",
            "{\"ctrl\": [{\"yaw\": 1}]}",
            "{\"ctrl\": [3]}",
            "{\"ctrl\": {\"3\": {\"delta_exp\": [0.1, 0.2]}}}",
            "{\"ctrl\": {\"3\": {\"fade_out_keys\": [\"kp\"]}}}",
            "{\"emo\": [0, 1, 2, 3, 4, 5, 6, 7]}",
            "{\"emo\": [4, [3, 4]]}",
            "{\"emo\": [[4], [0.5, 0.5, 0, 0, 0, 0, 0, 0]]}",
    })
    void aRowIsRefusedOneLineWhenItIsOutOfItsRange(String template) {
        String json = fill(template);
        assertThatThrownBy(() -> RenderOptions.parse(json)).as(template)
                .isInstanceOfSatisfying(RenderException.class, e -> {
                    assertThat(e.kind()).as("kind of %s", template).isEqualTo(ErrorKind.BAD_OPTION);
                    assertThat(e.getMessage()).as("message of %s", template).doesNotContain("\n").hasSizeLessThan(1200);
                });
    }

    private static String fill(String template) {
        return template.replace("ROW265", ROW_OF_265).replace("ROW63", ROW_OF_63);
    }
}
