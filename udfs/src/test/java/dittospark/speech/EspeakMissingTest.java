package dittospark.speech;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without espeak-ng a text row fails with a message that says which package to install. */
class EspeakMissingTest {
    @Test
    void aMissingExecutableIsASpeechFailureNamingThePackage(@TempDir Path work) {
        EspeakSynthesizer absent = new EspeakSynthesizer(work.resolve("no-such-espeak-ng").toString());

        assertThatThrownBy(() -> absent.synthesize("Hello", "en", null, work))
                .as("speech from an executable that is not there")
                .isInstanceOfSatisfying(RenderException.class,
                        e -> assertThat(e.kind()).as("kind").isEqualTo(ErrorKind.SPEECH_FAILED))
                .hasMessageContaining("install the Debian package espeak-ng");
    }
}
