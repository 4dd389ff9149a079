package dittospark.speech;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EspeakSynthesizerTest {
    private final EspeakSynthesizer espeak = new EspeakSynthesizer();

    @TempDir
    Path work;

    @BeforeAll
    static void needsEspeak() {
        EspeakCli.assumeInstalled();
    }

    private static double seconds(Path wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat f = in.getFormat();
            return in.getFrameLength() / (double) f.getFrameRate();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es", "fr", "de", "ko", "pt-BR"})
    void speaksEachLanguageAsAWaveFile(String language) throws Exception {
        Path wav = espeak.synthesize("Hello, this is a test.", language, null, work);
        assertThat(seconds(wav)).as("spoken duration in %s", language).isBetween(0.5, 10.0);
    }

    @Test
    void longerTextGivesLongerSpeech() throws Exception {
        double shortSpeech = seconds(espeak.synthesize("One.", "en", null, work));
        double longSpeech = seconds(espeak.synthesize("One, two, three, four, five, six, seven, eight.", "en", null, work));
        assertThat(longSpeech).as("eight words against one").isGreaterThan(shortSpeech * 2);
    }

    @Test
    void unknownLanguageIsASpeechFailureNamingIt() {
        assertThatThrownBy(() -> espeak.synthesize("Hello", "qx", null, work))
                .as("a language espeak-ng does not have")
                .isInstanceOfSatisfying(RenderException.class, e -> assertThat(e.kind()).as("kind").isEqualTo(ErrorKind.SPEECH_FAILED))
                .hasMessageContaining("'qx'");
    }

    @Test
    void textIsNeverReadAsOptionsOrShell() throws Exception {
        Path marker = work.resolve("marker");
        Path wav = espeak.synthesize("--help; touch " + marker + " $(touch " + marker + ")", "en", null, work);
        assertThat(marker).as("file a shell would have created").doesNotExist();
        assertThat(seconds(wav)).as("the text was spoken").isGreaterThan(1.0);
    }

    @Test
    void voiceVariantMustBeAName() {
        assertThatThrownBy(() -> espeak.synthesize("Hello", "en", "f3 -w /tmp/x", work))
                .as("a voice with spaces and options")
                .isInstanceOf(RenderException.class).hasMessageContaining("voice variant");
    }
}
