package dittospark.engine;

import com.fasterxml.jackson.databind.node.DoubleNode;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.options.Option;
import dittospark.options.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RenderOptionsTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"ctrl\":{\"0\":{\"delta_yaw\":1e400}}}",
            "{\"ctrl\":{\"0\":{\"delta_pitch\":-1e400}}}",
            "{\"ctrl\":{\"0\":{\"delta_roll\":181}}}",
            "{\"ctrl\":{\"3\":{\"alpha_yaw\":1e300}}}",
            "{\"ctrl\":{\"3\":{\"alpha_pitch\":-11}}}",
            "{\"ctrl\":{\"3\":{\"delta_exp\":1e400}}}",
            "{\"ctrl\":{\"3\":{\"fade_alpha\":1e400}}}",
            "{\"emo\":[[0,0,0,1e400,0,0,0,0.5]]}",
            "{\"emo\":[[0,0,0,-0.5,0,0,0,0.5]]}",
            "{\"crop_scale\":1e400}",
            "{\"blend_alpha\":-1e400}",
            "{\"audio_pad_front_s\":1e400}",
    })
    void aNonFiniteOrOutOfRangeNumberIsABadOption(String json) {
        assertThatThrownBy(() -> RenderOptions.parse(json)).as(json)
                .isInstanceOfSatisfying(RenderException.class,
                        e -> assertThat(e.kind()).as("kind").isEqualTo(ErrorKind.BAD_OPTION))
                .hasMessageContaining("must be a number in");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"sampling_timesteps\":18446744073709551621}",
            "{\"overlap_v2\":18446744073709551626}",
            "{\"max_size\":-18446744073709550592}",
            "{\"fade_in\":9223372036854775808}",
    })
    void anIntegerBeyondLongIsABadOptionNotAWrappedValue(String json) {
        assertThatThrownBy(() -> RenderOptions.parse(json)).as(json)
                .isInstanceOfSatisfying(RenderException.class,
                        e -> assertThat(e.kind()).as("kind").isEqualTo(ErrorKind.BAD_OPTION))
                .hasMessageContaining("must be an integer in");
    }

    static Stream<Option<?>> options() {
        return Options.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("options")
    void aValueOfTheWrongTypeIsOneLineNamingTheOptionAndWhatItAccepts(Option<?> option) {
        String json = "{\"" + option.name() + "\": \"x\\ny\"}";
        assertThatThrownBy(() -> RenderOptions.parse(json)).as(json)
                .isInstanceOfSatisfying(RenderException.class,
                        e -> assertThat(e.kind()).as("kind").isEqualTo(ErrorKind.BAD_OPTION))
                .hasMessage("option '" + option.name() + "' must be " + option.accepts() + ", got \"x\\ny\"");
    }

    @Test
    void anUnknownControlIsOneLineListingTheKnownOnes() {
        String json = "{\"ctrl\":{\"0\":{\"yaw\\n\":1}}}";
        assertThatThrownBy(() -> RenderOptions.parse(json)).as(json)
                .hasMessage("option 'ctrl' has unknown control 'yaw\\n' at frame 0; known: delta_pitch, delta_yaw,"
                        + " delta_roll, alpha_pitch, alpha_yaw, alpha_roll, delta_exp, fade_alpha, vad_alpha, fade_out_keys");
    }

    @Test
    void aPaddingTheRowLeavesOutIsAddedCheckedAgainstItsRange() {
        assertThatThrownBy(() -> RenderOptions.none().orElse(Options.AUDIO_PAD_BACK_S, DoubleNode.valueOf(61)))
                .as("padding of 61 s").hasMessage("option 'audio_pad_back_s' must be a number in [0, 60], got 61.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"ctrl\":{\"0\":{\"delta_yaw\":30,\"alpha_pitch\":1.5,\"delta_exp\":0.1,\"vad_alpha\":0.5}}}",
            "{\"emo\":[[0,0,0,0.7,0,0,0,0.3]]}",
            "{\"sampling_timesteps\":50}",
    })
    void anInRangeValueIsAccepted(String json) throws RenderException {
        assertThat(RenderOptions.parse(json).values()).as(json).isNotEmpty();
    }
}
