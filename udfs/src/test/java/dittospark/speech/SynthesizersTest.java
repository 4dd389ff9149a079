package dittospark.speech;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SynthesizersTest {
    /** Plugged in by name: needs to be public with a public no-argument constructor. */
    public static final class Silent implements SpeechSynthesizer {
        @Override
        public Path synthesize(String text, String language, String voice, Path workDir) {
            return workDir.resolve("silence.wav");
        }
    }

    @Test
    void noSettingMeansEspeak() throws Exception {
        assertThat(Synthesizers.named(" ")).as("synthesizer of a blank setting").isInstanceOf(EspeakSynthesizer.class);
    }

    @Test
    void aNamedClassIsMadeOncePerJvm() throws Exception {
        SpeechSynthesizer first = Synthesizers.named(Silent.class.getName());

        assertThat(first).as("synthesizer").isInstanceOf(Silent.class);
        assertThat(Synthesizers.named(Silent.class.getName())).as("second lookup").isSameAs(first);
    }

    @Test
    void aMissingClassIsASpeechFailureNamingIt() {
        RenderException e = catchThrowableOfType(RenderException.class,
                () -> Synthesizers.named("com.example.NoSuchTts"));

        assertThat(e.kind()).as("error kind").isEqualTo(ErrorKind.SPEECH_FAILED);
        assertThat(e.getMessage()).as("message").contains("com.example.NoSuchTts", "class path");
    }
}
