package dittospark.options;

import com.fasterxml.jackson.databind.node.IntNode;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {
    @Test
    void everyBuiltInDefaultIsAValueItsOptionAccepts() {
        assertThat(Options.ALL).as("options").allSatisfy(o -> assertThatCode(() -> o.validate(o.builtIn()))
                .as("built-in default of %s", o.name()).doesNotThrowAnyException());
    }

    @Test
    void aKnownNameFindsItsOption() throws RenderException {
        assertThat(Options.require("max_size")).as("option named max_size").isSameAs(Options.MAX_SIZE);
    }

    @Test
    void anUnknownNameIsABadOptionListingTheKnownOnes() {
        assertThatThrownBy(() -> Options.require("mouth_size")).as("unknown name")
                .isInstanceOfSatisfying(RenderException.class,
                        e -> assertThat(e.kind()).as("kind").isEqualTo(ErrorKind.BAD_OPTION))
                .hasMessageStartingWith("unknown option 'mouth_size'; known: emo, sampling_timesteps");
    }

    @Test
    void anUnknownNameWithALineBreakStaysOneLine() {
        assertThatThrownBy(() -> Options.require("a\nb")).as("name with a line break")
                .hasMessageContaining("'a\\nb'").hasMessageNotContaining("\n");
    }

    @Test
    void aConfigFlagOfOneReadsAsTrue() {
        assertThat(Options.FLAG_STITCHING.read(IntNode.valueOf(1)))
                .as("flag_stitching read from a pickled 1").isTrue();
    }
}
