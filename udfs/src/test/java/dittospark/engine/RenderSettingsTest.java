package dittospark.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dittospark.errors.RenderException;
import dittospark.options.Options;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RenderSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode config(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void anOptionNoOneSetsHasItsBuiltInDefault() throws Exception {
        RenderSettings s = RenderSettings.of(config("{}"), RenderOptions.none());
        assertThat(s.get(Options.MAX_SIZE)).as("max_size").isEqualTo(1920);
    }

    @Test
    void theConfigOverridesTheBuiltInDefault() throws Exception {
        RenderSettings s = RenderSettings.of(config("{\"crop_scale\": 1.5}"), RenderOptions.none());
        assertThat(s.get(Options.CROP_SCALE)).as("crop_scale").isEqualTo(1.5);
    }

    @Test
    void theRowOverridesTheConfig() throws Exception {
        RenderSettings s = RenderSettings.of(config("{\"blend_mode\": \"strong\"}"),
                RenderOptions.parse("{\"blend_mode\": \"weak\"}"));
        assertThat(s.get(Options.BLEND_MODE)).as("blend_mode").isEqualTo("weak");
    }

    @Test
    void aConfigFlagOfZeroIsFalse() throws Exception {
        RenderSettings s = RenderSettings.of(config("{\"relative_d\": 0}"), RenderOptions.none());
        assertThat(s.get(Options.RELATIVE_D)).as("relative_d").isFalse();
    }

    @Test
    void aNullOptionIsUnset() throws RenderException {
        RenderSettings s = RenderSettings.of(null, RenderOptions.parse("{\"drive_eye\": null}"));
        assertThat(s.find(Options.DRIVE_EYE)).as("drive_eye").isEmpty();
    }

    @Test
    void aSettingOfTheReleaseConfigComesFromTheConfig() throws Exception {
        RenderSettings s = RenderSettings.of(config("{\"fix_kp_cond_dim\": [0, 202]}"), RenderOptions.none());
        assertThat(s.find(Options.FIX_KP_COND_DIM)).as("fix_kp_cond_dim").contains(JSON.readTree("[0, 202]"));
    }

    @Test
    void aRowSetsWhatOnlyTheConfigCouldSetBefore() throws Exception {
        RenderSettings s = RenderSettings.of(config("{\"fix_kp_cond_dim\": [0, 202]}"),
                RenderOptions.parse("{\"fix_kp_cond_dim\": [202, 265]}"));
        assertThat(s.find(Options.FIX_KP_COND_DIM)).as("fix_kp_cond_dim").contains(JSON.readTree("[202, 265]"));
    }
}
